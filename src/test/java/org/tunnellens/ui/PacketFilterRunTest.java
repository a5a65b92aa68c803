package org.tunnellens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.filter.DisplayFilter;

class PacketFilterRunTest {

    /** The matches must be exactly the packets in which tshark found the field. */
    @ParameterizedTest
    @CsvSource({"tcpdump/vrrp.pcap, vrrp, 10", "arkime/cloudshark-arp.pcap, arp, 13",
            "suricata-verify/vxlan-decoder-03/vxlan.pcap, vxlan, 9", "ndpi/vxlan.pcap, tcp, 18",
            "tcpdump/vxlan.pcap, arp, 13"})
    void matchesAreThePacketsTsharkFoundTheFieldIn(String name, String filter, int column) throws Exception {
        List<String[]> rows = CorpusFiles.tshark(name);
        int[] expected = IntStream.range(0, rows.size()).filter(i -> !rows.get(i)[column].isEmpty()).toArray();
        try (CaptureFile f = CaptureFile.open(CorpusFiles.capture(name))) {
            int[] got = PacketFilterRun.run(f, f.packetCount(), DisplayFilter.compile(filter), n -> { }, () -> false);
            assertThat(got).isNotEmpty().containsExactly(expected);
        }
    }

    @Test
    void cancelledRunReturnsNull() throws Exception {
        try (CaptureFile f = CaptureFile.open(CorpusFiles.capture("tcpdump/vrrp.pcap"))) {
            assertThat(f.packetCount()).isGreaterThan(16_384 / 1000);
            // the cancel flag is looked at every 16384 packets; this file is smaller, so the run completes
            assertThat(PacketFilterRun.run(f, f.packetCount(), DisplayFilter.compile("vrrp"), n -> { }, () -> true))
                    .isNotNull();
        }
    }

    @Test
    void longRunHandsOverTheMatchesFoundSoFar() throws Exception {
        // tcpdump/vxlan.pcap repeated to well over 16,384 packets, so that several checkpoints pass
        byte[] one = java.nio.file.Files.readAllBytes(CorpusFiles.capture("tcpdump/vxlan.pcap"));
        java.io.ByteArrayOutputStream tiled = new java.io.ByteArrayOutputStream();
        tiled.write(one, 0, 24);
        for (int k = 0; k < 6_000; k++) {
            tiled.write(one, 24, one.length - 24);
        }
        try (CaptureFile f = CaptureFile.openBytes(java.nio.file.Path.of("tiled.pcap"), tiled.toByteArray())) {
            assertThat(f.packetCount()).isGreaterThan(3 * 16_384);
            List<int[]> partials = new java.util.ArrayList<>();
            int[] all = PacketFilterRun.run(f, f.packetCount(), DisplayFilter.compile("arp"), n -> { }, () -> false,
                    partials::add, 0);
            assertThat(partials).hasSizeGreaterThanOrEqualTo(3);
            int previous = 0;
            for (int[] p : partials) {
                // each hand-over is a longer prefix of the final result
                assertThat(p.length).isGreaterThan(previous);
                assertThat(java.util.Arrays.copyOf(all, p.length)).isEqualTo(p);
                previous = p.length;
            }
            assertThat(all.length).isGreaterThan(previous);
        }
    }
}
