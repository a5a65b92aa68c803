package org.tunnellens.ui;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.capture.PacketIndex;

/**
 * Writes chosen packets of a capture as a classic pcap file (nanosecond timestamps, so nothing is rounded), the
 * bytes copied straight from the mapped file. pcap has one link type per file: packets from interfaces with
 * another link type than the first chosen packet's cannot be written and are counted instead.
 */
public final class PcapExport {
    private static final int MAGIC_NANOS = 0xa1b23c4d;

    private PcapExport() {
    }

    /** Returns how many packets were written. */
    public static int write(CaptureFile file, int[] packets, int count, Path out) throws IOException {
        if (count == 0) {
            throw new IOException("no packets to export");
        }
        int linkType = file.linkType(packets[0]);
        long snaplen = 262_144;
        PacketIndex idx = file.index();
        int written = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(MAGIC_NANOS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                    .putInt((int) snaplen).putInt(linkType);
            os.write(h.array());
            ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < count; k++) {
                int i = packets[k];
                if (file.linkType(i) != linkType) {
                    continue;
                }
                long ts = idx.timestampNanos(i);
                int cap = idx.capturedLength(i);
                rec.clear();
                rec.putInt((int) Math.floorDiv(ts, 1_000_000_000L)).putInt((int) Math.floorMod(ts, 1_000_000_000L))
                        .putInt(cap).putInt(idx.originalLength(i));
                os.write(rec.array());
                os.write(file.data().asSlice(idx.offset(i), cap).toArray(ValueLayout.JAVA_BYTE));
                written++;
            }
        }
        return written;
    }
}
