package org.tunnellens.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.PacketDissector;

/** Error messages point at the column where the problem starts, as Wireshark's filter bar does. */
class DisplayFilterSyntaxTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ip.scr == 1.2.3.4          | 1  | unknown field "ip.scr"
            vxlan && ip.scr == 1.2.3.4 | 10 | unknown field "ip.scr"
            ip.src == 300.1.1.1        | 11 | "300.1.1.1" is not a valid IPv4 address for ip.src
            ip.src == 10.0.0.0/33      | 11 | "10.0.0.0/33" is not a valid IPv4 address for ip.src
            eth.src == 00:11:22        | 12 | "00:11:22" is not a valid MAC address for eth.src
            (vxlan                     | 7  | missing ")" for the "(" at column 1
            vxlan)                     | 6  | unexpected ")" (no matching "(")
            ip.src ==                  | 10 | expected a value after "=="
            tcp.port in {80, 443       | 21 | missing "}" for the "{" at column 13
            vxlan and                  | 10 | filter ends where a field name was expected
            vxlan.vni == abc           | 14 | "abc" is not a valid number for vxlan.vni
            ip.src#0 == 10.0.0.1       | 8  | expected a layer number after "#" (1 = outermost, 2 = next; -1 = innermost)
            vxlan vrrp                 | 7  | unexpected "vrrp" (expected and, or, or the end of the filter)
            ip.src contains 10         | 17 | "contains" cannot be used with ip.src (an IPv4 address)
            eth.src[0:3] == 00:11:22   | 8  | slices (field[a:b]) are not supported
            frame contains "abc        | 16 | string is not closed (missing '"')
            """)
    void errorsNameTheColumn(String filter, int column, String message) {
        assertThatThrownBy(() -> DisplayFilter.compile(filter))
                .isInstanceOf(FilterException.class)
                .hasMessage(message + " at column " + column)
                .satisfies(e -> assertThat(((FilterException) e).column()).isEqualTo(column));
    }

    @Test
    void precedenceIsNotThenAndThenOr() throws Exception {
        try (CaptureFile f = CaptureFile.open(Path.of("src/test/resources/corpus/public/tcpdump/vxlan.pcap"))) {
            Dissection arpReply = new PacketDissector(f).dissect(2);
            assertThat(DisplayFilter.compile("arp or icmp and vrrp").matches(arpReply)).isTrue();
            assertThat(DisplayFilter.compile("(arp or icmp) and vrrp").matches(arpReply)).isFalse();
            assertThat(DisplayFilter.compile("not arp or vxlan").matches(arpReply)).isTrue();
            assertThat(DisplayFilter.compile("!(arp || vxlan)").matches(arpReply)).isFalse();
            assertThat(DisplayFilter.compile("").matches(arpReply)).isTrue();
            assertThat(DisplayFilter.compile("arp.opcode == reply && arp.src.proto_ipv4 == 192.168.203.3")
                    .matches(arpReply)).isTrue();
            assertThat(DisplayFilter.compile("ip.dst#-1 == 192.168.202.1").matches(arpReply)).isTrue();
            assertThat(DisplayFilter.compile("eth.src#2 == 00:16:3e:37:f6:04").matches(arpReply)).isTrue();
            assertThat(DisplayFilter.compile("eth.src#1 == 00:16:3e:37:f6:04").matches(arpReply)).isFalse();
            assertThat(DisplayFilter.compile("frame.len in {90..95}").matches(arpReply)).isTrue();
            assertThat(DisplayFilter.compile("vxlan.vni === 100").matches(arpReply)).isTrue();
            assertThat(DisplayFilter.compile("frame matches \"\\x08\\x06\"").matches(arpReply)).isTrue();
        }
    }

    @Test
    void matchingAllocatesNothingPerPacket() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DisplayFilter filter = DisplayFilter.compile("(vxlan.vni in {100, 200} && ip.src#2 == 192.168.203.0/24)"
                + " || eth.addr == ff:ff:ff:ff:ff:ff || frame contains \"zz\" || !tcp.port ~= 80");
        try (CaptureFile f = CaptureFile.open(Path.of("src/test/resources/corpus/public/tcpdump/vxlan.pcap"))) {
            Dissection d = new PacketDissector(f).dissect(0);
            for (int i = 0; i < 20_000; i++) {
                filter.matches(d);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            int hits = 0;
            for (int i = 0; i < 100_000; i++) {
                hits += filter.matches(d) ? 1 : 0;
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(hits).isEqualTo(100_000);
            assertThat(allocated).as("bytes allocated by 100k matches()").isLessThan(100_000);
        }
    }
}
