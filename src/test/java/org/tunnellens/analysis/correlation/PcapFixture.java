package org.tunnellens.analysis.correlation;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tunnellens.capture.CaptureException;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.capture.PacketIndex;

/** Writes small nanosecond pcap files (Ethernet) for tests that derive one capture from another. */
final class PcapFixture {
    private final List<Long> times = new ArrayList<>();
    private final List<byte[]> frames = new ArrayList<>();
    private int linkType = 1;

    /** LINKTYPE_* of the file written (Ethernet unless set). */
    PcapFixture linkType(int type) {
        linkType = type;
        return this;
    }

    PcapFixture add(long timeNanos, byte[] frame) {
        times.add(timeNanos);
        frames.add(frame);
        return this;
    }

    int size() {
        return frames.size();
    }

    Path write(Path file) throws IOException {
        int total = 24;
        for (byte[] f : frames) {
            total += 16 + f.length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(linkType);
        for (int i = 0; i < frames.size(); i++) {
            long t = times.get(i);
            byte[] f = frames.get(i);
            b.putInt((int) (t / 1_000_000_000L)).putInt((int) (t % 1_000_000_000L)).putInt(f.length).putInt(f.length);
            b.put(f);
        }
        Files.write(file, b.array());
        return file;
    }

    /** The captured bytes of packet {@code i} (0-based) from byte {@code from} on. */
    static byte[] bytes(CaptureFile f, int i, int from) {
        PacketIndex idx = f.index();
        return f.data().asSlice(idx.offset(i) + from, idx.capturedLength(i) - from).toArray(ValueLayout.JAVA_BYTE);
    }

    /**
     * An Ethernet frame as Linux's cooked capture (SLL, {@code tcpdump -i any}) shows it: packet type, ARPHRD_ETHER,
     * the sender's MAC, the EtherType, then the network layer; the destination MAC is gone.
     */
    static byte[] cooked(byte[] ethernet, boolean outgoing) {
        ByteBuffer b = ByteBuffer.allocate(16 + ethernet.length - 14);
        b.putShort((short) (outgoing ? 4 : 0)).putShort((short) 1).putShort((short) 6);
        b.put(ethernet, 6, 6).putShort((short) 0);
        b.put(ethernet, 12, 2).put(ethernet, 14, ethernet.length - 14);
        return b.array();
    }

    /** A copy of a whole capture with every timestamp moved by {@code shiftNanos}. */
    static Path shifted(Path source, long shiftNanos, Path out) throws IOException, CaptureException {
        PcapFixture p = new PcapFixture();
        try (CaptureFile f = CaptureFile.open(source)) {
            for (int i = 0; i < f.packetCount(); i++) {
                p.add(f.index().timestampNanos(i) + shiftNanos, bytes(f, i, 0));
            }
        }
        return p.write(out);
    }
}
