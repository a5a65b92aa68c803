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
     * Writes a pcapng file with one Ethernet interface per capture given, named, nanosecond timestamps, packets
     * of all of them merged by time (what {@code mergecap -I none} makes of two captures).
     */
    static Path pcapng(Path out, List<String> names, List<Path> captures) throws IOException, CaptureException {
        record Packet(long time, int iface, byte[] bytes) {
        }
        List<Packet> all = new ArrayList<>();
        for (int c = 0; c < captures.size(); c++) {
            try (CaptureFile f = CaptureFile.open(captures.get(c))) {
                for (int i = 0; i < f.packetCount(); i++) {
                    all.add(new Packet(f.index().timestampNanos(i), c, bytes(f, i, 0)));
                }
            }
        }
        all.sort(java.util.Comparator.comparingLong(Packet::time)); // stable: ties keep capture order
        java.io.ByteArrayOutputStream os = new java.io.ByteArrayOutputStream();
        ByteBuffer shb = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        shb.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1)
                .putInt(28);
        os.write(shb.array());
        for (String name : names) {
            byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int namePad = (n.length + 3) & ~3;
            int len = 20 + 4 + namePad + 8 + 4;
            ByteBuffer idb = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
            idb.putInt(1).putInt(len).putShort((short) 1).putShort((short) 0).putInt(262144);
            idb.putShort((short) 2).putShort((short) n.length).put(n).put(new byte[namePad - n.length]);
            idb.putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]); // if_tsresol: nanoseconds
            idb.putShort((short) 0).putShort((short) 0).putInt(len);
            os.write(idb.array());
        }
        for (Packet p : all) {
            int pad = (p.bytes().length + 3) & ~3;
            int len = 32 + pad;
            ByteBuffer epb = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
            epb.putInt(6).putInt(len).putInt(p.iface()).putInt((int) (p.time() >>> 32)).putInt((int) p.time())
                    .putInt(p.bytes().length).putInt(p.bytes().length).put(p.bytes())
                    .put(new byte[pad - p.bytes().length]).putInt(len);
            os.write(epb.array());
        }
        Files.write(out, os.toByteArray());
        return out;
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
