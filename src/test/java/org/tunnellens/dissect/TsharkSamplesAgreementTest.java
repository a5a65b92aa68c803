package org.tunnellens.dissect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnellens.capture.CaptureFile;

/**
 * Runs the installed tshark on the project's own captures (everything under samples/: the bundled VXLAN captures
 * and the lab scenarios) and compares a wider field list packet by packet. Every field, frame.protocols included,
 * must be equal unless the packet is in the allow-list or the known-gaps list.
 */
class TsharkSamplesAgreementTest {
    static final Path SAMPLES = Path.of("samples");
    static final List<String> FIELDS = List.of("frame.number", "frame.len", "frame.protocols", "eth.src", "eth.dst",
            "ip.src", "ip.dst", "udp.srcport", "udp.dstport", "vxlan.vni", "vrrp.version", "vrrp.virt_rtr_id",
            "vrrp.prio", "arp.opcode", "icmp.type", "icmp.seq", "tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.seq",
            "tcp.ack", "tcp.len", "ip.ttl", "ip.id", "ip.proto", "vxlan.flags", "vrrp.auth_type", "vrrp.adver_int",
            "vrrp.ip_addr", "arp.src.proto_ipv4", "arp.dst.proto_ipv4", "icmp.ident", "frame.interface_name",
            "frame.time_epoch", "vlan.id", "ipv6.src", "ipv6.dst", "ip.frag_offset", "ip.flags.mf", "ip.fragment",
            "ip.reassembled.length", "icmp.data_time", "icmp.data_time_relative", "data.len");

    private static Map<String, String> excused;

    @BeforeAll
    static void requireTshark() throws IOException {
        excused = AllowList.load();
        excused.putAll(AllowList.loadGaps());
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("tshark --version failed: this test needs tshark 4.0 on the PATH");
            }
        } catch (IOException | InterruptedException e) {
            fail("tshark is not installed or not on the PATH (apt-get install tshark): this test compares "
                    + "TunnelLens with it", e);
        }
    }

    static Stream<String> captures() throws IOException {
        try (Stream<Path> s = Files.walk(SAMPLES)) {
            return s.map(p -> p.toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".pcap") || p.endsWith(".pcapng"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void fieldsEqualTshark(String capture) throws Exception {
        TsharkTable expected = runTshark(Path.of(capture));
        OurFields ours = new OurFields(FIELDS);
        List<String> differences = new ArrayList<>();
        try (CaptureFile f = CaptureFile.open(Path.of(capture))) {
            assertThat(f.packetCount()).as(capture + " packet count").isEqualTo(expected.rows().size());
            PacketDissector dissector = new PacketDissector(f);
            for (int p = 0; p < f.packetCount(); p++) {
                Dissection d = dissector.dissect(p);
                boolean wholePacketExcused = excused.containsKey(AllowList.key(capture, p + 1, "*"));
                boolean anyDifference = false;
                for (int c = 0; c < ours.size(); c++) {
                    String want = expected.value(p, c);
                    String got = ours.value(d, c);
                    if (want.equals(got)) {
                        continue;
                    }
                    anyDifference = true;
                    if (!wholePacketExcused && !excused.containsKey(AllowList.key(capture, p + 1, ours.name(c)))) {
                        differences.add("frame " + (p + 1) + " " + ours.name(c) + ": tshark \"" + want
                                + "\", ours \"" + got + "\"");
                    }
                }
                if (wholePacketExcused) {
                    assertThat(anyDifference).as(capture + " frame " + (p + 1)
                            + " is in the known-gaps list but agrees with tshark now: remove the entry").isTrue();
                }
            }
        }
        assertThat(differences).as(capture).isEmpty();
    }

    /** tshark 4.0 does not know VXLAN on 8472 (the Linux default), hence the decode-as. */
    static TsharkTable runTshark(Path capture) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(), "-d",
                "udp.port==8472,vxlan", "-T", "fields", "-E", "header=y", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String field : FIELDS) {
            cmd.add("-e");
            cmd.add(field);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("tshark did not finish on " + capture);
        }
        return TsharkTable.parse(out.lines().toList());
    }
}
