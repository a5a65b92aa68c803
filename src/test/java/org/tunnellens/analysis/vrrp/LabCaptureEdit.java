package org.tunnellens.analysis.vrrp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Makes a misconfigured or failing variant of a real lab capture (little-endian microsecond pcap, Ethernet +
 * IPv4): drops packets or rewrites VRRP fields and fixes the checksum, as a misbehaving router would send them.
 */
final class LabCaptureEdit {
    /** One record of the capture: time in microseconds and the frame bytes. */
    record Frame(long micros, byte[] data) {
        int ipOffset() {
            return 14;
        }

        boolean isVrrp() {
            return data.length > 34 && data[12] == 0x08 && data[13] == 0 && data[14 + 9] == 112;
        }

        int vrrpOffset() {
            return ipOffset() + (data[ipOffset()] & 0x0f) * 4;
        }

        String srcIp() {
            int o = ipOffset() + 12;
            return (data[o] & 0xff) + "." + (data[o + 1] & 0xff) + "." + (data[o + 2] & 0xff) + "." + (data[o + 3] & 0xff);
        }

        boolean isArpFrom(String mac) {
            String m = String.format("%02x:%02x:%02x:%02x:%02x:%02x", data[6], data[7], data[8], data[9], data[10],
                    data[11]);
            return data[12] == 0x08 && data[13] == 0x06 && m.equals(mac);
        }

        int priority() {
            return data[vrrpOffset() + 2] & 0xff;
        }

        /** Sets a byte of the VRRP message and recomputes its checksum (VRRPv2: over the VRRP message only). */
        Frame withVrrpByte(int offset, int value) {
            byte[] d = data.clone();
            int v = vrrpOffset();
            d[v + offset] = (byte) value;
            int ipLen = ((d[ipOffset() + 2] & 0xff) << 8) | (d[ipOffset() + 3] & 0xff);
            int len = ipLen - (v - ipOffset());
            d[v + 6] = 0;
            d[v + 7] = 0;
            long sum = 0;
            for (int i = 0; i < len; i += 2) {
                sum += ((d[v + i] & 0xff) << 8) | (i + 1 < len ? d[v + i + 1] & 0xff : 0);
            }
            while ((sum >> 16) != 0) {
                sum = (sum & 0xffff) + (sum >> 16);
            }
            int cs = (int) (~sum & 0xffff);
            d[v + 6] = (byte) (cs >> 8);
            d[v + 7] = (byte) cs;
            return new Frame(micros, d);
        }

        Frame withBrokenChecksum() {
            byte[] d = data.clone();
            d[vrrpOffset() + 7] ^= 0x55;
            return new Frame(micros, d);
        }
    }

    private final byte[] header;
    private final List<Frame> frames = new ArrayList<>();

    LabCaptureEdit(Path pcap) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0xa1b2c3d4) {
            throw new IllegalArgumentException(pcap + " is not a little-endian microsecond pcap");
        }
        header = new byte[24];
        b.get(header);
        while (b.remaining() >= 16) {
            long sec = Integer.toUnsignedLong(b.getInt());
            long usec = Integer.toUnsignedLong(b.getInt());
            int incl = b.getInt();
            b.getInt();
            byte[] d = new byte[incl];
            b.get(d);
            frames.add(new Frame(sec * 1_000_000 + usec, d));
        }
    }

    List<Frame> frames() {
        return frames;
    }

    LabCaptureEdit drop(Predicate<Frame> which) {
        frames.removeIf(which);
        return this;
    }

    LabCaptureEdit map(Predicate<Frame> which, UnaryOperator<Frame> how) {
        frames.replaceAll(f -> which.test(f) ? how.apply(f) : f);
        return this;
    }

    Path write(Path to) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24 + frames.stream().mapToInt(f -> 16 + f.data.length).sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(header);
        for (Frame f : frames) {
            b.putInt((int) (f.micros / 1_000_000)).putInt((int) (f.micros % 1_000_000)).putInt(f.data.length)
                    .putInt(f.data.length).put(f.data);
        }
        Files.write(to, b.array());
        return to;
    }
}
