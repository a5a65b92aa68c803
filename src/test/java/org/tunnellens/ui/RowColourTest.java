package org.tunnellens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.PacketDissector;

/** Row colours must follow what tshark found in each packet, packet by packet. */
class RowColourTest {

    @ParameterizedTest
    @ValueSource(strings = {"tcpdump/vrrp.pcap", "arkime/cloudshark-arp.pcap", "pcapplusplus/IcmpPackets.pcap",
            "pcapplusplus/one_tcp_stream.pcap", "suricata-verify/vxlan-decoder-03/vxlan.pcap", "tcpdump/vxlan.pcap"})
    void colourFollowsTsharkFields(String name) throws Exception {
        List<String[]> rows = CorpusFiles.tshark(name);
        try (CaptureFile f = CaptureFile.open(CorpusFiles.capture(name))) {
            PacketDissector d = new PacketDissector(f);
            assertThat(f.packetCount()).isEqualTo(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertThat(RowColour.of(d.dissect(i))).as("%s packet %d", name, i + 1).isEqualTo(expected(rows.get(i)));
            }
        }
    }

    /** Single-packet captures that tshark 4.0.17 reports as "[Malformed Packet]" ({@code -Y _ws.malformed}). */
    @ParameterizedTest
    @ValueSource(strings = {"tcpdump/bigtcp-ipv4-vxlan-ipv4.pcap", "pcapplusplus/ip4_bad_fragment.pcap"})
    void malformedPacketsAreShownAsMalformed(String name) throws Exception {
        try (CaptureFile f = CaptureFile.open(CorpusFiles.capture(name))) {
            assertThat(f.packetCount()).isEqualTo(1);
            assertThat(RowColour.of(new PacketDissector(f).dissect(0))).isEqualTo(RowColour.BAD);
        }
    }

    private static RowColour expected(String[] r) {
        String tcpFlags = CorpusFiles.innermost(r[18]);
        if (!tcpFlags.isEmpty()) {
            long f = Long.decode(tcpFlags);
            if ((f & 0x04) != 0) {
                return RowColour.TCP_RST;
            }
            if ((f & 0x03) != 0) {
                return RowColour.TCP_SYN_FIN;
            }
        }
        if (!r[10].isEmpty()) {
            return RowColour.VRRP;
        }
        if (!r[13].isEmpty()) {
            return RowColour.ARP;
        }
        if (!r[14].isEmpty() || r[2].contains("icmpv6")) {
            return RowColour.ICMP;
        }
        if (!r[9].isEmpty()) {
            return RowColour.VXLAN;
        }
        return tcpFlags.isEmpty() ? RowColour.OTHER : RowColour.TCP;
    }
}
