package org.tunnellens.analysis.correlation;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** Frames of one capture that found no partner, in frame order, each with its most likely reason. */
public final class UnpairedFrames {
    private int size;
    private int[] frame = new int[64];
    private byte[] reason = new byte[64];
    /** Per row, the frame that reassembles a {@link UnpairedReason#FRAGMENT}; null until there is one. */
    private int[] reassembledIn;

    void add(int frameNumber, UnpairedReason r) {
        if (size == frame.length) {
            frame = Arrays.copyOf(frame, size * 2);
            reason = Arrays.copyOf(reason, size * 2);
            if (reassembledIn != null) {
                reassembledIn = Arrays.copyOf(reassembledIn, size * 2);
            }
        }
        frame[size] = frameNumber;
        reason[size] = (byte) r.ordinal();
        size++;
    }

    /** A fragment whose datagram frame {@code reassembledInFrame} reassembles. */
    void add(int frameNumber, UnpairedReason r, int reassembledInFrame) {
        add(frameNumber, r);
        if (reassembledIn == null) {
            reassembledIn = new int[frame.length];
        }
        reassembledIn[size - 1] = reassembledInFrame;
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

    /** For a {@link UnpairedReason#FRAGMENT}: the frame number that reassembles its datagram; otherwise 0. */
    public int reassembledIn(int i) {
        return reassembledIn == null ? 0 : reassembledIn[i];
    }

    /** The reason of row {@code i} in words, naming the frame that reassembles a fragment. */
    public String description(int i) {
        int in = reassembledIn(i);
        return in > 0 ? "outer IPv4 fragment of the datagram reassembled in frame " + in : reason(i).description();
    }

    /** Row of frame number {@code frameNumber}, or -1 when that frame is not listed (it was paired). */
    public int indexOf(int frameNumber) {
        int i = Arrays.binarySearch(frame, 0, size, frameNumber);
        return i >= 0 ? i : -1;
    }

    /** The reason for frame number {@code frameNumber}, or null when that frame is not listed (it was paired). */
    public UnpairedReason reasonOf(int frameNumber) {
        int i = indexOf(frameNumber);
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
