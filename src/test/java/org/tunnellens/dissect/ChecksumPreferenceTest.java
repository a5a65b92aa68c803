package org.tunnellens.dissect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.proto.Checksums;
import org.tunnellens.dissect.proto.Tcp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TCP/UDP checksums are left unverified by default, as in Wireshark; with {@code tcp.check_checksum:TRUE} and
 * {@code udp.check_checksum:TRUE} every status (IP, UDP, TCP; outer and inner) equals tshark's with the same
 * preferences, including a deliberately bad inner TCP checksum.
 */
class ChecksumPreferenceTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus/public");

    @ParameterizedTest
    @ValueSource(strings = {"zeek/vxlan-encapsulated-http.pcap", "zeek/vxlan-inner-tcp-bad-checksum.pcap",
        "pcapplusplus/one_tcp_stream.pcap", "tcpdump/vxlan.pcap", "gopacket/test_ethernet.pcap"})
    void statusesEqualTsharksWhenVerificationIsOn(String name) throws Exception {
        Path file = CORPUS.resolve(name);
        List<String> expected = tshark(file);
        DecodeConfig config = DecodeConfig.defaults().withPreference("tcp.check_checksum", "TRUE");
        OurFields fields = new OurFields(List.of("ip.checksum.status", "udp.checksum.status", "tcp.checksum.status"));
        try (CaptureFile f = CaptureFile.open(file)) {
            PacketDissector dissector = new PacketDissector(f, config);
            assertThat(f.packetCount()).isEqualTo(expected.size());
            for (int i = 0; i < f.packetCount(); i++) {
                Dissection d = dissector.dissect(i);
                String ours = fields.value(d, 0) + "\t" + fields.value(d, 1) + "\t" + fields.value(d, 2);
                assertThat(ours).as("%s frame %d", name, i + 1).isEqualTo(expected.get(i));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zeek/vxlan-inner-tcp-bad-checksum.pcap", "pcapplusplus/one_tcp_stream.pcap"})
    void transportChecksumsAreUnverifiedByDefault(String name) throws Exception {
        try (CaptureFile f = CaptureFile.open(CORPUS.resolve(name))) {
            Dissection d = new PacketDissector(f).dissect(0);
            assertThat(d.value(d.last(Tcp.CHECKSUM_STATUS))).isEqualTo(Checksums.UNVERIFIED);
        }
    }

    private static List<String> tshark(Path file) throws Exception {
        Process p = new ProcessBuilder("tshark", "-n", "-r", file.toString(), "-o", "tcp.check_checksum:TRUE",
                "-o", "udp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE", "-T", "fields",
                "-e", "ip.checksum.status", "-e", "udp.checksum.status", "-e", "tcp.checksum.status")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>(new String(p.getInputStream().readAllBytes()).lines().toList());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("tshark finished").isTrue();
        return lines;
    }
}
