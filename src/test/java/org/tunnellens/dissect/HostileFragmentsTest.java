package org.tunnellens.dissect;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.column.InfoColumn;
import org.tunnellens.dissect.firstpass.Ipv4Fragments;
import org.tunnellens.dissect.proto.Ethernet;
import org.tunnellens.dissect.proto.Ipv4;
import org.tunnellens.dissect.proto.Udp;
import static org.assertj.core.api.Assertions.assertThat;

/** Crafted fragment captures: overlapping pieces that disagree, thousands of orphans, a datagram past 64 KiB. */
class HostileFragmentsTest {
    private static final Path NAME = Path.of("crafted-fragments.pcap");

    @Test
    void overlappingFragmentsKeepTheFirstCopyOfEachByte() throws Exception {
        // 24 bytes of UDP payload in three pieces; the second piece overlaps the first with different bytes
        byte[] first = udpHeaderAnd(filled(16, 0x11)); // offset 0: UDP header (8) + 16 bytes
        byte[] overlap = filled(16, 0x22);             // offset 16 (bytes 16..31): 8 overlap the first piece
        byte[] last = filled(8, 0x33);                 // offset 32, no more fragments
        byte[] pcap = pcap(fragment(7, 0, true, first), fragment(7, 16, true, overlap), fragment(7, 32, false, last));
        try (CaptureFile f = CaptureFile.openBytes(NAME, pcap)) {
            Dissection d = new PacketDissector(f).dissect(2);
            byte[] whole = d.reassembledBytes();
            assertThat(whole).hasSize(40);
            assertThat(Arrays.copyOfRange(whole, 8, 24)).containsOnly((byte) 0x11);
            assertThat(Arrays.copyOfRange(whole, 24, 32)).containsOnly((byte) 0x22);
            assertThat(Arrays.copyOfRange(whole, 32, 40)).containsOnly((byte) 0x33);
            assertThat(d.has(Udp.PROTO)).isTrue();
        }
    }

    @Test
    void thousandsOfOrphanFragmentsVisitedBackwardsStayCheap() throws Exception {
        // every packet is the last piece of a datagram whose first piece was never captured: each one looks back
        // for it, but no packet is dissected twice by those searches
        int n = 5000;
        byte[][] frames = new byte[n][];
        for (int i = 0; i < n; i++) {
            frames[i] = fragment(i, 1480, false, filled(40, i));
        }
        try (CaptureFile f = CaptureFile.openBytes(NAME, pcap(frames))) {
            PacketDissector dissector = new PacketDissector(f);
            for (int i = n - 1; i >= 0; i--) {
                Dissection d = dissector.dissect(i);
                assertThat(d.reassembledBytes()).isNull();
                assertThat(InfoColumn.info(d)).startsWith("Fragmented IP protocol (proto=UDP 17, off=1480, ID=");
            }
            // the first search (from the last packet) dissects the 256 before it; later ones find them visited
            assertThat(dissector.current().state(Ipv4Fragments.KEY).lookedBehindPackets()).isBetween(256L, (long) n);
        }
    }

    @Test
    void datagramEndingPastTheIpv4LimitIsStillBoundedAndDecoded() throws Exception {
        // the largest fragment offset (8191 * 8) plus a payload: 65,568 bytes, more than an IPv4 datagram can hold
        byte[] first = udpHeaderAnd(filled(8, 1));
        byte[] last = filled(40, 2);
        byte[] pcap = pcap(fragment(9, 0, true, first), fragment(9, 8191 * 8, false, last));
        try (CaptureFile f = CaptureFile.openBytes(NAME, pcap)) {
            Dissection d = new PacketDissector(f).dissect(1);
            // a hole from 16 to 65528: never complete, so nothing is reassembled and nothing is thrown
            assertThat(d.reassembledBytes()).isNull();
            assertThat(d.has(Ipv4.REASSEMBLED_LENGTH)).isFalse();
        }
    }

    private static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    /** A UDP header (ports 40000 → 9999, length over the whole datagram, no checksum) and the bytes after it. */
    private static byte[] udpHeaderAnd(byte[] rest) {
        ByteBuffer b = ByteBuffer.allocate(8 + rest.length);
        b.putShort((short) 40000).putShort((short) 9999).putShort((short) 40).putShort((short) 0).put(rest);
        return b.array();
    }

    /** An Ethernet frame with an IPv4 fragment of a UDP datagram from 10.0.0.1 to 10.0.0.2. */
    private static byte[] fragment(int id, int offset, boolean more, byte[] payload) {
        return CraftedPcap.ipv4Frame(17, id, (more ? 0x2000 : 0) | (offset / 8), payload.length).put(payload).array();
    }

    private static byte[] pcap(byte[]... frames) {
        return CraftedPcap.of(1_700_000_000L, frames);
    }
}
