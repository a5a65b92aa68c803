package org.tunnellens.analysis.lvs;

/** One packet behind a result: which capture (file name as given) and its 1-based frame number there. */
public record FrameRef(String capture, int frame) {
    @Override
    public String toString() {
        return capture + "#" + frame;
    }
}
