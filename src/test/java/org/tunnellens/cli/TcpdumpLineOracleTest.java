package org.tunnellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.filter.DisplayFilter;

/**
 * --tcpdump output equals tcpdump's own expected outputs from its test suite (made with -# -n -tttt, and -e where
 * marked), including VXLAN on 8472 printed as VXLAN.
 */
class TcpdumpLineOracleTest {
    static final Path DIR = Path.of("src/test/resources/corpus/public/tcpdump");

    @ParameterizedTest
    @CsvSource({"vxlan.pcap,vxlan.out,true", "vxlan_port_8472.pcap,vxlan_port_8472.out,true",
        "vrrp.pcap,vrrp.out,false"})
    void matchesTcpdumpsExpectedOutput(String capture, String expected, boolean linkHeaders) throws Exception {
        StringWriter out = new StringWriter();
        try (CaptureFile f = CaptureFile.open(DIR.resolve(capture))) {
            PacketsCommand.writeTcpdump(out, new PacketDissector(f), DisplayFilter.compile(""), f.packetCount(), linkHeaders);
        }
        assertThat(out.toString()).isEqualTo(Files.readString(DIR.resolve(expected)));
    }
}
