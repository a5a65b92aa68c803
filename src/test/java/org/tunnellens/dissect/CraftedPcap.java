package org.tunnellens.dissect;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tunnellens.dissect.proto.Ethernet;

/** Classic little-endian pcap files (Ethernet, µs) built in memory from frames, for tests of crafted packets. */
final class CraftedPcap {
    private CraftedPcap() {
    }

    /** The frames in order, all stamped at {@code seconds}, the i-th (0-based) at microsecond i. */
    static byte[] of(long seconds, byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(h.array());
        int micros = 0;
        for (byte[] f : frames) {
            ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            r.putInt((int) seconds).putInt(micros++).putInt(f.length).putInt(f.length);
            out.writeBytes(r.array());
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    /** One frame of {@code originalLength} bytes of which {@code captured} were kept (a snaplen cut). */
    static byte[] of(long seconds, int originalLength, byte[] captured) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(h.array());
        ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt((int) seconds).putInt(0).putInt(captured.length).putInt(originalLength);
        out.writeBytes(r.array());
        out.writeBytes(captured);
        return out.toByteArray();
    }

    /** Ethernet (02:00:00:00:00:01 → 02:00:00:00:00:02) and an IPv4 header from 10.0.0.1 to 10.0.0.2. */
    static ByteBuffer ipv4Frame(int protocol, int id, int flagsAndOffset, int payloadLength) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + payloadLength);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payloadLength)).putShort((short) id)
                .putShort((short) flagsAndOffset).put((byte) 64).put((byte) protocol).putShort((short) 0)
                .put(new byte[] {10, 0, 0, 1, 10, 0, 0, 2});
        return b;
    }
}
