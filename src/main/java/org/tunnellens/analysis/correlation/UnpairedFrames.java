package org.tunnellens.analysis.correlation;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** Frames of one capture that found no partner, in frame order, each with its most likely reason. */
public final class UnpairedFrames {
    private int size;
    private int[] frame = new int[64];
    private byte[] reason = new byte[64];

    void add(int frameNumber, UnpairedReason r) {
        if (size == frame.length) {
            frame = Arrays.copyOf(frame, size * 2);
            reason = Arrays.copyOf(reason, size * 2);
        }
        frame[size] = frameNumber;
        reason[size] = (byte) r.ordinal();
        size++;
    }

    public int size() {
        return size;
    }

    /** 1-based frame number. */
    public int frame(int i) {
        return frame[i];
    }

    public UnpairedReason reason(int i) {
        return UnpairedReason.values()[reason[i]];
    }

    /** The reason for frame number {@code frameNumber}, or null when that frame is not listed (it was paired). */
    public UnpairedReason reasonOf(int frameNumber) {
        int i = Arrays.binarySearch(frame, 0, size, frameNumber);
        return i >= 0 ? reason(i) : null;
    }

    public Map<UnpairedReason, Integer> countByReason() {
        Map<UnpairedReason, Integer> m = new EnumMap<>(UnpairedReason.class);
        for (int i = 0; i < size; i++) {
            m.merge(reason(i), 1, Integer::sum);
        }
        return m;
    }
}
