package org.tunnellens.capture;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/** Walks the records of one container format, appending to the index; stops at the first fault. */
abstract sealed class RecordReader permits PcapReader, PcapngReader {
    /** A record longer than this is corrupt, not a jumbo frame (Wireshark's own limit is 256 KiB). */
    static final int MAX_RECORD = 256 * 1024;

    final Path file;
    final MemorySegment data;
    /** Not final: lowered when the file shrinks while open, so reading stops before the lost pages. */
    long end;
    final List<CaptureInterface> interfaces;
    long pos;
    ReadProblem problem;
    boolean done;

    RecordReader(Path file, MemorySegment data, List<CaptureInterface> interfaces) {
        this.file = file;
        this.data = data;
        this.end = data.byteSize();
        this.interfaces = interfaces;
    }

    /** Reads up to {@code max} more packets; returns how many were added. Sets {@link #done} at the end or a fault. */
    abstract int readBatch(PacketIndex index, int max);

    final void fail(long offset, String reason) {
        problem = new ReadProblem(file, offset, reason);
        done = true;
    }

    // withOrder() builds a new layout on every call: keep one per byte order
    private static final ValueLayout.OfShort LE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt LE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    static ValueLayout.OfInt int32(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? BE32 : LE32;
    }

    static int u16(MemorySegment s, long off, ByteOrder order) {
        return Short.toUnsignedInt(s.get(order == ByteOrder.BIG_ENDIAN ? BE16 : LE16, off));
    }

    static long u32(MemorySegment s, long off, ByteOrder order) {
        return Integer.toUnsignedLong(s.get(int32(order), off));
    }
}
