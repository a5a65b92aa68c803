package org.tunnellens.capture;

import java.util.Arrays;

/**
 * Where each packet lies in the mapped file, in primitive arrays: 26 bytes of heap per packet
 * (offset 8, captured length 4, original length 4, timestamp 8, interface 2) and no object per packet.
 */
public final class PacketIndex {
    private long[] offset;
    private int[] capturedLength;
    private int[] originalLength;
    private long[] timestampNanos;
    private short[] interfaceId;
    private volatile int size;

    public PacketIndex(int expected) {
        int n = Math.max(16, expected);
        offset = new long[n];
        capturedLength = new int[n];
        originalLength = new int[n];
        timestampNanos = new long[n];
        interfaceId = new short[n];
    }

    void add(long off, int capLen, int origLen, long tsNanos, int iface) {
        int i = size;
        if (i == offset.length) {
            grow();
        }
        offset[i] = off;
        capturedLength[i] = capLen;
        originalLength[i] = origLen;
        timestampNanos[i] = tsNanos;
        interfaceId[i] = (short) iface;
        size = i + 1; // published last so a reader on another thread sees complete entries only
    }

    private void grow() {
        int n = offset.length + (offset.length >> 1) + 16;
        offset = Arrays.copyOf(offset, n);
        capturedLength = Arrays.copyOf(capturedLength, n);
        originalLength = Arrays.copyOf(originalLength, n);
        timestampNanos = Arrays.copyOf(timestampNanos, n);
        interfaceId = Arrays.copyOf(interfaceId, n);
    }

    void trim() {
        int n = size;
        offset = Arrays.copyOf(offset, n);
        capturedLength = Arrays.copyOf(capturedLength, n);
        originalLength = Arrays.copyOf(originalLength, n);
        timestampNanos = Arrays.copyOf(timestampNanos, n);
        interfaceId = Arrays.copyOf(interfaceId, n);
    }

    public int size() {
        return size;
    }

    /** Offset in the file of packet {@code i}'s first byte (0-based index). */
    public long offset(int i) {
        return offset[i];
    }

    public int capturedLength(int i) {
        return capturedLength[i];
    }

    public int originalLength(int i) {
        return originalLength[i];
    }

    public long timestampNanos(int i) {
        return timestampNanos[i];
    }

    public int interfaceId(int i) {
        return interfaceId[i];
    }

    /** Heap held by the arrays, for the benchmark's bytes-per-packet figure. */
    public long heapBytes() {
        return offset.length * 26L;
    }
}
