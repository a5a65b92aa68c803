package org.tunnellens.analysis.correlation;

import java.util.Arrays;

/**
 * The paired frames, in the first capture's time order, as primitive columns (a million pairs stay a few tens of
 * megabytes). A table view binds to row {@code i} through the accessors. Frame numbers are 1-based like Wireshark's.
 */
public final class PairTable {
    private int size;
    private int[] firstFrame;
    private int[] secondFrame;
    private int[] vni;
    private int[] outerSrc;
    private int[] outerDst;
    private byte[] direction;
    private long[] deltaNanos;

    PairTable(int capacity) {
        int n = Math.max(16, capacity);
        firstFrame = new int[n];
        secondFrame = new int[n];
        vni = new int[n];
        outerSrc = new int[n];
        outerDst = new int[n];
        direction = new byte[n];
        deltaNanos = new long[n];
    }

    void add(int first, int second, int vniValue, int src, int dst, PairDirection dir, long delta) {
        if (size == firstFrame.length) {
            int n = size * 2;
            firstFrame = Arrays.copyOf(firstFrame, n);
            secondFrame = Arrays.copyOf(secondFrame, n);
            vni = Arrays.copyOf(vni, n);
            outerSrc = Arrays.copyOf(outerSrc, n);
            outerDst = Arrays.copyOf(outerDst, n);
            direction = Arrays.copyOf(direction, n);
            deltaNanos = Arrays.copyOf(deltaNanos, n);
        }
        firstFrame[size] = first;
        secondFrame[size] = second;
        vni[size] = vniValue;
        outerSrc[size] = src;
        outerDst[size] = dst;
        direction[size] = (byte) dir.ordinal();
        deltaNanos[size] = delta;
        size++;
    }

    public int size() {
        return size;
    }

    /** Frame number in the first (outer) capture. */
    public int outerFrame(int i) {
        return firstFrame[i];
    }

    /** Frame number in the second (inner, or other end's) capture. */
    public int innerFrame(int i) {
        return secondFrame[i];
    }

    public int vni(int i) {
        return vni[i];
    }

    /** Outer IPv4 source (the sending VTEP) as an unsigned 32-bit value in an int. */
    public int outerSrc(int i) {
        return outerSrc[i];
    }

    public int outerDst(int i) {
        return outerDst[i];
    }

    public PairDirection direction(int i) {
        return PairDirection.values()[direction[i]];
    }

    /** Time from the earlier sighting to the later one, clock offset removed (negative if the clocks disagree). */
    public long deltaNanos(int i) {
        return deltaNanos[i];
    }

    /** Index of the pair whose outer frame is {@code frame}, or -1; for a view that selects by frame. */
    public int indexOfOuterFrame(int frame) {
        for (int i = 0; i < size; i++) {
            if (firstFrame[i] == frame) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the pair whose inner frame is {@code frame}, or -1. */
    public int indexOfInnerFrame(int frame) {
        for (int i = 0; i < size; i++) {
            if (secondFrame[i] == frame) {
                return i;
            }
        }
        return -1;
    }
}
