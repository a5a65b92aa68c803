package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Protocol;

/**
 * An application protocol recognised by its port and named as tshark names it, without decoding its fields, so
 * that {@code frame.protocols} and the Protocol column agree with tshark. A protocol that gets a decoder of its
 * own leaves this list.
 */
public final class NamedProtocol extends Protocol implements LayerDecoder {
    public static final NamedProtocol DNS = new NamedProtocol("dns", "Domain Name System", new int[] {53},
            new int[] {53});
    public static final NamedProtocol MDNS = new NamedProtocol("mdns", "Multicast Domain Name System",
            new int[] {5353}, new int[0]);
    public static final NamedProtocol DHCP = new NamedProtocol("dhcp", "Dynamic Host Configuration Protocol",
            new int[] {67, 68}, new int[0]);
    public static final NamedProtocol DHCPV6 = new NamedProtocol("dhcpv6", "DHCPv6", new int[] {546, 547},
            new int[0]);
    public static final NamedProtocol SSDP = new NamedProtocol("ssdp", "Simple Service Discovery Protocol",
            new int[] {1900}, new int[0]);
    public static final NamedProtocol SSH = new NamedProtocol("ssh", "SSH Protocol", new int[0], new int[] {22});
    public static final NamedProtocol RIP = new NamedProtocol("rip", "Routing Information Protocol",
            new int[] {520}, new int[0]);
    public static final NamedProtocol RIPNG = new NamedProtocol("ripng", "RIPng", new int[] {521}, new int[0]);
    public static final NamedProtocol SIP = new NamedProtocol("sip", "Session Initiation Protocol",
            new int[] {5060}, new int[] {5060});
    public static final NamedProtocol NBSS = new NamedProtocol("nbss", "NetBIOS Session Service", new int[0],
            new int[] {139});
    public static final NamedProtocol SYSLOG = new NamedProtocol("syslog", "Syslog message", new int[] {514},
            new int[0]);
    public static final NamedProtocol SNMP = new NamedProtocol("snmp", "Simple Network Management Protocol",
            new int[] {161, 162}, new int[0]);

    private final FieldDef proto;
    private final int[] udpPorts;
    private final int[] tcpPorts;

    private NamedProtocol(String abbrev, String label, int[] udpPorts, int[] tcpPorts) {
        this(new Fields(), abbrev, label, udpPorts, tcpPorts);
    }

    private NamedProtocol(Fields fields, String abbrev, String label, int[] udpPorts, int[] tcpPorts) {
        super(fields);
        this.proto = fields.protocol(abbrev, label);
        this.udpPorts = udpPorts;
        this.tcpPorts = tcpPorts;
    }

    @Override
    public FieldDef field() {
        return proto;
    }

    @Override
    public void register(Handoffs h) {
        for (int p : udpPorts) {
            h.udpPort(p, this);
        }
        for (int p : tcpPorts) {
            h.tcpPort(p, this);
        }
        h.decodeAs(proto.abbrev(), this);
        if (this == DNS) {
            h.heuristic("udp", "dns_udp", "DNS over any UDP port", DnsHeuristic::looksLikeDns, this);
        }
    }

    @Override
    public String columnName(Dissection d, int occ) {
        return proto == SSH.proto ? "SSH" : super.columnName(d, occ);
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        d.beginLayer(proto, off, end - off);
    }
}
