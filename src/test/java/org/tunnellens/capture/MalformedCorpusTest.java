package org.tunnellens.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.PacketDissector;

/** The corpus's deliberately broken captures (fuzzer finds, truncations, empty files) never throw. */
class MalformedCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/public");

    @ParameterizedTest
    @ValueSource(strings = {"tcpdump/vrrp-vrrp_print-oobr.pcap", "tcpdump/vrrp-vrrp_print-oobr-2.pcap",
        "tcpdump/otv-heapoverflow-1.pcap", "tcpdump/otv-heapoverflow-2.pcap", "tcpdump/arp-too-long-tha.pcap",
        "zeek/ipv4-truncated-broken-header.pcap", "zeek/truncated-header.pcap", "zeek/geneve-vxlan-dns-truncated.pcap",
        "tcpdump/empty.pcap", "tcpdump/empty.pcapng", "pcap-parser/err-buffertoosmall.pcapng",
        "pcapplusplus/ip4_bad_fragment.pcap"})
    void readsAndDissectsWithoutThrowing(String name) throws Exception {
        try (CaptureFile f = CaptureFile.open(CORPUS.resolve(name))) {
            PacketDissector dissector = new PacketDissector(f);
            assertThatCode(() -> {
                for (int i = 0; i < f.packetCount(); i++) {
                    Dissection d = dissector.dissect(i);
                    for (int occ = 0; occ < d.count(); occ++) {
                        FieldFormatter.value(d, occ);
                        FieldFormatter.treeLine(d, occ);
                    }
                }
            }).doesNotThrowAnyException();
            assertThat(f.packetCount()).isGreaterThanOrEqualTo(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcpdump/vrrp-vrrp_print-oobr.pcap", "tcpdump/otv-heapoverflow-1.pcap",
        "zeek/truncated-header.pcap", "tcpdump/vxlan.pcap"})
    void everyCutOfACaptureReadsWithoutThrowing(String name) throws Exception {
        // every prefix of the file: each possible place a capture can stop while being written
        byte[] bytes = java.nio.file.Files.readAllBytes(CORPUS.resolve(name));
        Path tmp = java.nio.file.Files.createTempFile("cut", ".pcap");
        try {
            for (int len = 24; len <= bytes.length; len += Math.max(1, bytes.length / 200)) {
                java.nio.file.Files.write(tmp, java.util.Arrays.copyOf(bytes, len));
                try (CaptureFile f = CaptureFile.open(tmp)) {
                    PacketDissector dissector = new PacketDissector(f);
                    for (int i = 0; i < f.packetCount(); i++) {
                        dissector.dissect(i);
                    }
                    if (f.problem() != null) {
                        assertThat(f.problem().offset()).isBetween(24L, (long) len);
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }
}
