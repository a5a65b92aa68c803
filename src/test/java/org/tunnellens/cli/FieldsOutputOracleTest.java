package org.tunnellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code packets -T fields} prints exactly what the installed tshark prints for the same flags: the -E options
 * (header, separator, occurrence, aggregator) and fields that repeat in a packet (outer and inner {@code ip.src} of
 * VXLAN, the {@code ip.addr} pseudo-field that collects both ends of both headers, in packet order). The
 * captures are ones without IPv4 fragments, which tshark reassembles and we do not yet (known-gaps.tsv).
 */
class FieldsOutputOracleTest {
    /** LVS-NAT: TCP flags and the director's two addresses; no VXLAN. */
    private static final String LVS = "samples/lvs-nat/director-eth1.pcap";
    private static final String OPENNEBULA = "samples/opennebula-8472/kvm1-enp0s8.pcap";
    private static final String CORPUS = "src/test/resources/corpus/public/tcpdump/vxlan.pcap";
    private static final List<String> FIELDS = List.of("frame.number", "eth.src", "ip.src", "ip.dst", "ip.addr",
            "udp.dstport", "vxlan.vni", "icmp.seq", "tcp.flags", "arp.opcode", "frame.len", "_ws.col.Source",
            "_ws.col.Destination", "_ws.col.Protocol");

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String file : List.of(LVS, OPENNEBULA, CORPUS)) {
            out.add(Arguments.of(file, List.of()));
            out.add(Arguments.of(file, List.of("-E", "header=y", "-E", "separator=,")));
            out.add(Arguments.of(file, List.of("-E", "occurrence=f")));
            out.add(Arguments.of(file, List.of("-E", "occurrence=l", "-E", "header=y")));
            out.add(Arguments.of(file, List.of("-E", "aggregator=|", "-E", "separator=/s")));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void sameBytesAsTshark(String file, List<String> options) throws Exception {
        List<String> args = new ArrayList<>(List.of("packets", "-r", file, "-T", "fields"));
        args.addAll(options);
        for (String f : FIELDS) {
            args.add("-e");
            args.add(f);
        }
        String[] ours = CliRun.codeAndOutput(args.toArray(String[]::new));
        assertThat(ours[0]).isEqualTo("0");

        List<String> tshark = new ArrayList<>(List.of("tshark", "-n", "-d", "udp.port==8472,vxlan"));
        tshark.addAll(args.subList(1, args.size()));
        String theirs = run(tshark);
        assertThat(ours[1].lines()).as("tunnellens %s vs tshark", String.join(" ", args))
                .containsExactlyElementsOf(theirs.lines().toList());
        assertThat(ours[1]).isEqualTo(theirs);
        assertThat(theirs.lines().count()).isGreaterThan(5);
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("tshark finished").isTrue();
        assertThat(p.exitValue()).as("tshark exit status").isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
