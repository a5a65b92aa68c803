package org.tunnellens.dissect;

/**
 * An application protocol recognised by its port and named as tshark names it, without decoding its fields, so
 * that {@code frame.protocols} and the Protocol column agree with tshark.
 */
public final class NamedProtocol implements LayerDecoder {
    public static final NamedProtocol DNS = new NamedProtocol("dns", "Domain Name System");
    public static final NamedProtocol MDNS = new NamedProtocol("mdns", "Multicast Domain Name System");
    public static final NamedProtocol DHCP = new NamedProtocol("dhcp", "Dynamic Host Configuration Protocol");
    public static final NamedProtocol DHCPV6 = new NamedProtocol("dhcpv6", "DHCPv6");
    public static final NamedProtocol NTP = new NamedProtocol("ntp", "Network Time Protocol");
    public static final NamedProtocol SSDP = new NamedProtocol("ssdp", "Simple Service Discovery Protocol");
    public static final NamedProtocol SSH = new NamedProtocol("ssh", "SSH Protocol");
    public static final NamedProtocol RIP = new NamedProtocol("rip", "Routing Information Protocol");
    public static final NamedProtocol RIPNG = new NamedProtocol("ripng", "RIPng");
    public static final NamedProtocol SIP = new NamedProtocol("sip", "Session Initiation Protocol");
    public static final NamedProtocol NBSS = new NamedProtocol("nbss", "NetBIOS Session Service");
    public static final NamedProtocol SYSLOG = new NamedProtocol("syslog", "Syslog message");
    public static final NamedProtocol SNMP = new NamedProtocol("snmp", "Simple Network Management Protocol");

    private final FieldDef proto;

    private NamedProtocol(String abbrev, String label) {
        this.proto = FieldRegistry.protocol(abbrev, label);
    }

    public FieldDef protocol() {
        return proto;
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        d.beginLayer(proto, off, end - off);
    }
}
