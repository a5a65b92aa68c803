package org.tunnellens.analysis.correlation;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Hashing and comparing the key bytes of a {@link LocatedFrame} in place, in the segment the frame's offsets refer to
 * (the mapped file, or a reassembled datagram): eight bytes per read, no copy. Two frames are the same frame only
 * when {@link #sameBytes} says so; the hash only narrows the search.
 */
public final class FrameKey {
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    private static final int MAC_BYTES = 12;

    private FrameKey() {
    }

    /** 64-bit hash of the key; {@code withMacs} must be the same for both captures being paired. */
    public static long hash(LocatedFrame f, boolean withMacs) {
        MemorySegment data = f.bytes;
        long h = 0x2545F4914F6CDD1DL;
        if (withMacs) {
            h = range(data, f.macOffset, f.macOffset + MAC_BYTES, h);
        }
        h = range(data, f.l3Offset, f.keyEnd, h);
        h ^= f.keyEnd - f.l3Offset;
        // murmur3's finaliser, so that nearby keys spread over the whole table
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long range(MemorySegment data, long from, long to, long seed) {
        long h = seed;
        long p = from;
        for (; p + 8 <= to; p += 8) {
            h = Long.rotateLeft((h ^ data.get(ValueLayout.JAVA_LONG_UNALIGNED, p)) * MULTIPLIER, 29);
        }
        long tail = 0;
        for (int shift = 0; p < to; p++, shift += 8) {
            tail |= (long) Byte.toUnsignedInt(data.get(ValueLayout.JAVA_BYTE, p)) << shift;
        }
        return Long.rotateLeft((h ^ tail) * MULTIPLIER, 29);
    }

    public static boolean sameBytes(LocatedFrame fa, LocatedFrame fb, boolean withMacs) {
        MemorySegment a = fa.bytes;
        MemorySegment b = fb.bytes;
        if (fa.keyEnd - fa.l3Offset != fb.keyEnd - fb.l3Offset) {
            return false;
        }
        if (withMacs && MemorySegment.mismatch(a, fa.macOffset, fa.macOffset + MAC_BYTES,
                b, fb.macOffset, fb.macOffset + MAC_BYTES) != -1) {
            return false;
        }
        return MemorySegment.mismatch(a, fa.l3Offset, fa.keyEnd, b, fb.l3Offset, fb.keyEnd) == -1;
    }
}
