package org.tunnellens.analysis.correlation;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The distinct frames of one capture (equal key bytes = one class), in a primitive open-addressing table keyed by
 * the 64-bit hash. Frames of equal hash are compared byte for byte against the class's first member, so a hash
 * collision costs a comparison, never a wrong pair. Members of each class are kept in time order.
 */
final class FrameClasses {
    private final CaptureSide side;
    /** The side's file mapping, where every representative's key lies unless it was reassembled. */
    private final MemorySegment data;
    private final boolean withMacs;
    private final long[] slotHash;
    private final int[] slotClass;
    private final int mask;
    private int[] representative = new int[1024];
    /** The first member's key ranges, so that comparing against it needs no second header walk. */
    private long[] repMac = new long[1024];
    private long[] repL3 = new long[1024];
    private long[] repEnd = new long[1024];
    /**
     * Classes whose first member's key lies in a reassembled datagram (outer fragments, two underlay captures): it is
     * located again for each comparison rather than kept, so no datagram stays on the heap. Null while there is none.
     */
    private BitSet reassembledRep;
    /** Next class with the same hash (a collision), or -1. */
    private int[] sameHashNext = new int[1024];
    private int classes;
    /** Class of each packet of the side, -1 for non-candidates. */
    final int[] classOf;
    /** Members of class c are {@code members[start[c]] .. members[start[c + 1] - 1]}, in time order. */
    int[] start;
    int[] members;
    private final LocatedFrame scratchA = new LocatedFrame();
    private final LocatedFrame scratchB = new LocatedFrame();

    FrameClasses(CaptureSide side, boolean withMacs) {
        this.side = side;
        this.data = side.file.data();
        this.withMacs = withMacs;
        int capacity = Integer.highestOneBit(Math.max(16, side.candidates * 2 - 1)) << 1;
        slotHash = new long[capacity];
        slotClass = new int[capacity];
        Arrays.fill(slotClass, -1);
        mask = capacity - 1;
        classOf = new int[side.size()];
        Arrays.fill(classOf, -1);
        int[] counts = new int[1024];
        for (int packet : side.order) {
            if (side.state[packet] != CaptureSide.CANDIDATE) {
                continue;
            }
            int c = insert(packet);
            classOf[packet] = c;
            if (c >= counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
            counts[c]++;
        }
        start = new int[classes + 1];
        for (int c = 0; c < classes; c++) {
            start[c + 1] = start[c] + counts[c];
        }
        members = new int[start[classes]];
        int[] fill = Arrays.copyOf(start, classes);
        for (int packet : side.order) {
            int c = classOf[packet];
            if (c >= 0) {
                members[fill[c]++] = packet;
            }
        }
    }

    int classes() {
        return classes;
    }

    int memberCount(int c) {
        return start[c + 1] - start[c];
    }

    private int insert(int packet) {
        long h = side.hash[packet];
        int slot = slotOf(h);
        int head = slotClass[slot];
        side.locator.locate(packet, scratchA);
        if (head >= 0) {
            for (int c = head; c >= 0; c = sameHashNext[c]) {
                if (FrameKey.sameBytes(scratchA, representative(c), withMacs)) {
                    return c;
                }
            }
        }
        int c = classes++;
        if (c == representative.length) {
            representative = Arrays.copyOf(representative, c * 2);
            sameHashNext = Arrays.copyOf(sameHashNext, c * 2);
            repMac = Arrays.copyOf(repMac, c * 2);
            repL3 = Arrays.copyOf(repL3, c * 2);
            repEnd = Arrays.copyOf(repEnd, c * 2);
        }
        representative[c] = packet;
        repMac[c] = scratchA.macOffset;
        repL3[c] = scratchA.l3Offset;
        repEnd[c] = scratchA.keyEnd;
        if (scratchA.bytes != data) {
            if (reassembledRep == null) {
                reassembledRep = new BitSet();
            }
            reassembledRep.set(c);
        }
        sameHashNext[c] = head;
        slotHash[slot] = h;
        slotClass[slot] = c;
        return c;
    }

    /**
     * The class of a frame of another capture, or -1 when this capture holds no frame with the same bytes.
     * {@code frame} must be the located frame of that packet.
     */
    int find(long h, LocatedFrame frame) {
        int head = slotClass[slotOf(h)];
        if (head < 0) {
            return -1;
        }
        for (int c = head; c >= 0; c = sameHashNext[c]) {
            if (FrameKey.sameBytes(frame, representative(c), withMacs)) {
                return c;
            }
        }
        return -1;
    }

    private LocatedFrame representative(int c) {
        if (reassembledRep != null && reassembledRep.get(c)) {
            return side.locator.locate(representative[c], scratchB);
        }
        if (scratchB.bytes != data) {
            scratchB.bytes = data;
        }
        scratchB.macOffset = repMac[c];
        scratchB.l3Offset = repL3[c];
        scratchB.keyEnd = repEnd[c];
        return scratchB;
    }

    /** The slot holding hash {@code h}, or the empty slot where it would go. */
    private int slotOf(long h) {
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (slotClass[i] >= 0 && slotHash[i] != h) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
