package org.tunnellens.analysis.correlation;

import java.util.Arrays;

/** Open-addressing set of 48-bit MAC addresses held as longs: no boxing for a million frames. */
final class MacSet {
    private static final long EMPTY = -1L; // not a 48-bit value
    private long[] slots = emptySlots(64);
    private int size;

    void add(long mac) {
        if ((size + 1) * 2 > slots.length) {
            long[] old = slots;
            slots = emptySlots(old.length * 2);
            size = 0;
            for (long m : old) {
                if (m != EMPTY) {
                    add(m);
                }
            }
        }
        int mask = slots.length - 1;
        int i = spread(mac) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == mac) {
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = mac;
        size++;
    }

    boolean contains(long mac) {
        int mask = slots.length - 1;
        for (int i = spread(mac) & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
            if (slots[i] == mac) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    private static long[] emptySlots(int n) {
        long[] s = new long[n];
        Arrays.fill(s, EMPTY);
        return s;
    }

    private static int spread(long mac) {
        long h = mac * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
