package org.tunnellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.filter.DisplayFilter;

/**
 * --tcpdump output equals tcpdump's: its own expected outputs from its test suite (made with -# -n -tttt, and -e
 * where marked), including VXLAN on 8472 printed as VXLAN; and, for 802.1Q-tagged and Linux cooked (SLL, SLL2)
 * captures, what the installed tcpdump prints for the same file (SLL2's interface names are this machine's, for
 * both).
 */
class TcpdumpLineOracleTest {
    static final Path DIR = Path.of("src/test/resources/corpus/public/tcpdump");
    static final Path CORPUS = Path.of("src/test/resources/corpus/public");

    @ParameterizedTest
    @CsvSource({"vxlan.pcap,vxlan.out,true", "vxlan_port_8472.pcap,vxlan_port_8472.out,true",
        "vrrp.pcap,vrrp.out,false", "802.1ad_QinQ.pcap,802.1ad_QinQ.out,true"})
    void matchesTcpdumpsExpectedOutput(String capture, String expected, boolean linkHeaders) throws Exception {
        assertThat(ours(DIR.resolve(capture), linkHeaders)).isEqualTo(Files.readString(DIR.resolve(expected)));
    }

    @ParameterizedTest
    @CsvSource({"zeek/linux_dlt_sll2.pcap", "zeek/linuxsll-arp.pcap", "suricata-verify/decode-sll2-01/input.pcap",
        "arkime/twovlan.pcap", "arkime/dot1ad.pcap", "pcapplusplus/ArpRequestWithVlan.pcap",
        "pcap4j/Dot1qVlanTaggedPacketTest.pcap"})
    void taggedAndCookedCapturesPrintAsTheInstalledTcpdump(String capture) throws Exception {
        Path file = CORPUS.resolve(capture);
        for (boolean e : new boolean[] {false, true}) {
            assertThat(ours(file, e)).as("%s %s", capture, e ? "-e" : "").isEqualTo(tcpdump(file, e));
        }
    }

    private static String ours(Path file, boolean linkHeaders) throws Exception {
        StringWriter out = new StringWriter();
        try (CaptureFile f = CaptureFile.open(file)) {
            PacketsCommand.writeTcpdump(out, new PacketDissector(f), DisplayFilter.compile(""), f.packetCount(),
                    linkHeaders);
        }
        return out.toString();
    }

    private static String tcpdump(Path file, boolean linkHeaders) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-#", "-n", "-tttt", "-r", file.toString()));
        if (linkHeaders) {
            cmd.add("-e");
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("tcpdump is not installed or not on the PATH (apt-get install tcpdump)", e);
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }
}
