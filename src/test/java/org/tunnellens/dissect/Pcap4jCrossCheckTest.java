package org.tunnellens.dissect;

import java.net.Inet4Address;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pcap4j.packet.ArpPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV4EchoPacket;
import org.pcap4j.packet.IcmpV4EchoReplyPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.factory.PacketFactories;
import org.pcap4j.packet.namednumber.EtherType;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.proto.Arp;
import org.tunnellens.dissect.proto.Ethernet;
import org.tunnellens.dissect.proto.Icmp;
import org.tunnellens.dissect.proto.Ipv4;
import org.tunnellens.dissect.proto.Tcp;
import org.tunnellens.dissect.proto.Udp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second, independent decoder: pcap4j's static packet factory (pure Java, no libpcap) reads the same bytes, and
 * its Ethernet, ARP, IPv4, ICMP, UDP and TCP headers must agree with ours (the outermost of each).
 */
class Pcap4jCrossCheckTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/public");

    @Test
    void staticFactoryIsTheOneInUse() {
        // pcap4j finds its factory through ServiceLoader; without the static one it would decode nothing
        assertThat(PacketFactories.getFactory(Packet.class, EtherType.class).getClass().getName())
                .contains("statik");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcap4j/ArpPacketTest.pcap", "pcap4j/IcmpV4EchoPacketTest.pcap",
        "pcap4j/TcpPacketTest.pcap", "pcap4j/Dot1qVlanTaggedPacketTest.pcap", "pcapplusplus/IcmpPackets.pcap",
        "pcapplusplus/ArpResponsePacket.pcap", "pcapplusplus/one_tcp_stream.pcap", "zeek/arp-who-has.pcap",
        "tcpdump/vxlan.pcap", "zeek/vxlan-encapsulated-http.pcap", "arkime/cloudshark-arp.pcap",
        "pcap-parser/wireshark_samples-test.pcapng"})
    void headersAgree(String name) throws Exception {
        int checked = 0;
        try (CaptureFile f = CaptureFile.open(CORPUS.resolve(name))) {
            PacketDissector dissector = new PacketDissector(f);
            for (int i = 0; i < f.packetCount(); i++) {
                Dissection d = dissector.dissect(i);
                byte[] bytes = f.data().asSlice(f.index().offset(i), f.index().capturedLength(i))
                        .toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                EthernetPacket eth = EthernetPacket.newPacket(bytes, 0, bytes.length);
                String at = name + " frame " + (i + 1) + " ";
                assertThat(FieldFormatter.mac(d.firstValue(Ethernet.SRC, -1))).as(at + "eth.src")
                        .isEqualTo(eth.getHeader().getSrcAddr().toString());
                assertThat(FieldFormatter.mac(d.firstValue(Ethernet.DST, -1))).as(at + "eth.dst")
                        .isEqualTo(eth.getHeader().getDstAddr().toString());
                checked += compareArp(d, eth.get(ArpPacket.class), at) + compareIp(d, eth.get(IpV4Packet.class), at);
            }
        }
        assertThat(checked).as(name + ": headers compared").isPositive();
    }

    private static int compareArp(Dissection d, ArpPacket arp, String at) {
        if (arp == null) {
            return 0;
        }
        ArpPacket.ArpHeader h = arp.getHeader();
        assertThat(d.firstValue(Arp.OPCODE, -1)).as(at + "arp.opcode").isEqualTo(h.getOperation().value() & 0xffff);
        assertThat(ip(d.firstValue(Arp.SRC_PROTO_IPV4, -1))).as(at + "arp.src").isEqualTo(h.getSrcProtocolAddr()
                .getHostAddress());
        assertThat(ip(d.firstValue(Arp.DST_PROTO_IPV4, -1))).as(at + "arp.dst").isEqualTo(h.getDstProtocolAddr()
                .getHostAddress());
        return 1;
    }

    private static int compareIp(Dissection d, IpV4Packet ip, String at) {
        if (ip == null) {
            return 0;
        }
        IpV4Packet.IpV4Header h = ip.getHeader();
        assertThat(ip(d.firstValue(Ipv4.SRC, -1))).as(at + "ip.src").isEqualTo(((Inet4Address) h.getSrcAddr())
                .getHostAddress());
        assertThat(ip(d.firstValue(Ipv4.DST, -1))).as(at + "ip.dst").isEqualTo(h.getDstAddr().getHostAddress());
        assertThat(d.firstValue(Ipv4.TTL, -1)).as(at + "ip.ttl").isEqualTo(h.getTtlAsInt());
        assertThat(d.firstValue(Ipv4.ID, -1)).as(at + "ip.id").isEqualTo(h.getIdentificationAsInt());
        assertThat(d.firstValue(Ipv4.PROTOCOL, -1)).as(at + "ip.proto").isEqualTo(h.getProtocol().value() & 0xff);
        assertThat(d.firstValue(Ipv4.LEN, -1)).as(at + "ip.len").isEqualTo(h.getTotalLengthAsInt());
        UdpPacket udp = ip.get(UdpPacket.class);
        if (udp != null && d.has(Udp.PROTO)) {
            assertThat(d.firstValue(Udp.SRCPORT, -1)).as(at + "udp.srcport").isEqualTo(udp.getHeader().getSrcPort()
                    .valueAsInt());
            assertThat(d.firstValue(Udp.DSTPORT, -1)).as(at + "udp.dstport").isEqualTo(udp.getHeader().getDstPort()
                    .valueAsInt());
            assertThat(d.firstValue(Udp.LENGTH, -1)).as(at + "udp.length").isEqualTo(udp.getHeader()
                    .getLengthAsInt());
        }
        TcpPacket tcp = ip.get(TcpPacket.class);
        if (tcp != null && d.has(Tcp.PROTO)) {
            TcpPacket.TcpHeader t = tcp.getHeader();
            assertThat(d.firstValue(Tcp.SRCPORT, -1)).as(at + "tcp.srcport").isEqualTo(t.getSrcPort().valueAsInt());
            assertThat(d.firstValue(Tcp.DSTPORT, -1)).as(at + "tcp.dstport").isEqualTo(t.getDstPort().valueAsInt());
            assertThat(d.firstValue(Tcp.SEQ_RAW, -1)).as(at + "tcp.seq_raw").isEqualTo(t.getSequenceNumberAsLong());
            int flags = (t.getUrg() ? 0x20 : 0) | (t.getAck() ? 0x10 : 0) | (t.getPsh() ? 0x08 : 0)
                    | (t.getRst() ? 0x04 : 0) | (t.getSyn() ? 0x02 : 0) | (t.getFin() ? 0x01 : 0);
            assertThat(d.firstValue(Tcp.FLAGS, -1) & 0x3f).as(at + "tcp.flags").isEqualTo(flags);
        }
        IcmpV4CommonPacket icmp = ip.get(IcmpV4CommonPacket.class);
        if (icmp != null && d.has(Icmp.PROTO)) {
            assertThat(d.firstValue(Icmp.TYPE, -1)).as(at + "icmp.type").isEqualTo(icmp.getHeader().getType()
                    .value() & 0xff);
            IcmpV4EchoPacket echo = ip.get(IcmpV4EchoPacket.class);
            if (echo != null) {
                assertThat(d.firstValue(Icmp.IDENT, -1)).as(at + "icmp.ident").isEqualTo(echo.getHeader()
                        .getIdentifierAsInt());
                assertThat(d.firstValue(Icmp.SEQ, -1)).as(at + "icmp.seq").isEqualTo(echo.getHeader()
                        .getSequenceNumberAsInt());
            }
            IcmpV4EchoReplyPacket reply = ip.get(IcmpV4EchoReplyPacket.class);
            if (reply != null) {
                assertThat(d.firstValue(Icmp.SEQ, -1)).as(at + "icmp.seq").isEqualTo(reply.getHeader()
                        .getSequenceNumberAsInt());
            }
        }
        return 1;
    }

    private static String ip(long v) {
        return FieldFormatter.ipv4(v);
    }
}
