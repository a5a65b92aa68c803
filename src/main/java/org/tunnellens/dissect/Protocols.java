package org.tunnellens.dissect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The protocol table of contents: loads every decoder (so the field registry is complete) and builds the default
 * dissector tables. Adding a protocol means one decoder class and one line here.
 */
public final class Protocols {
    private static final DissectorTables DEFAULTS;
    private static final Map<String, LayerDecoder> BY_NAME = new LinkedHashMap<>();

    static {
        Class<?>[] fieldHolders = {Frame.class, Malformed.class, Ethernet.class, EtherTypes.class, Vlan.class,
            Llc.class, LinuxCooked.class, Loopback.class, Arp.class, Ipv4.class, Ipv6.class, Icmp.class, Icmpv6.class,
            Udp.class, Tcp.class, Vxlan.class, Geneve.class, VxlanGpe.class, Nsh.class, Vrrp.class, Igmp.class,
            Gre.class, Erspan.class, FrameRelay.class, Ppp.class, Mpls.class, NamedProtocol.class, Teredo.class, Tls.class, Http.class,
            Data.class};
        for (Class<?> c : fieldHolders) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        DissectorTables t = new DissectorTables();
        t.ethertype[0x0800] = Ipv4.INSTANCE;
        t.ethertype[0x86dd] = Ipv6.INSTANCE;
        t.ethertype[0x0806] = Arp.INSTANCE;
        t.ethertype[0x8035] = Arp.INSTANCE; // RARP (RFC 903) shares ARP's layout; tshark also calls it "arp"
        t.ethertype[0x8100] = Vlan.DOT1Q;
        t.ethertype[0x9100] = Vlan.DOT1Q;
        t.ethertype[0x88a8] = Vlan.DOT1AD;
        t.ethertype[0x8847] = Mpls.INSTANCE;
        t.ethertype[0x894f] = Nsh.INSTANCE;
        t.ethertype[0x6558] = Ethernet.INSTANCE;

        t.ipProto[1] = Icmp.INSTANCE;
        t.ipProto[2] = Igmp.INSTANCE;
        t.ipProto[4] = Ipv4.INSTANCE;
        t.ipProto[6] = Tcp.INSTANCE;
        t.ipProto[17] = Udp.INSTANCE;
        t.ipProto[41] = Ipv6.INSTANCE;
        t.ipProto[47] = Gre.INSTANCE;
        t.ipProto[58] = Icmpv6.INSTANCE;
        t.ipProto[112] = Vrrp.INSTANCE;

        t.udpPort[4789] = Vxlan.INSTANCE;
        t.udpPort[8472] = Vxlan.INSTANCE;
        t.udpPort[6081] = Geneve.INSTANCE;
        t.udpPort[4790] = VxlanGpe.INSTANCE;
        t.udpPort[53] = NamedProtocol.DNS;
        t.udpPort[5353] = NamedProtocol.MDNS;
        t.udpPort[67] = NamedProtocol.DHCP;
        t.udpPort[68] = NamedProtocol.DHCP;
        t.udpPort[546] = NamedProtocol.DHCPV6;
        t.udpPort[547] = NamedProtocol.DHCPV6;
        t.udpPort[123] = NamedProtocol.NTP;
        t.udpPort[1900] = NamedProtocol.SSDP;
        t.udpPort[520] = NamedProtocol.RIP;
        t.udpPort[521] = NamedProtocol.RIPNG;
        t.udpPort[5060] = NamedProtocol.SIP;
        t.udpPort[514] = NamedProtocol.SYSLOG;
        t.udpPort[161] = NamedProtocol.SNMP;
        t.udpPort[162] = NamedProtocol.SNMP;
        t.udpPort[3544] = Teredo.INSTANCE;

        t.tcpPort[22] = NamedProtocol.SSH;
        t.tcpPort[53] = NamedProtocol.DNS;
        t.tcpPort[139] = NamedProtocol.NBSS;
        t.tcpPort[443] = Tls.INSTANCE;
        t.tcpPort[80] = Http.INSTANCE;
        t.tcpPort[8080] = Http.INSTANCE;
        t.tcpPort[5060] = NamedProtocol.SIP;
        DEFAULTS = t;

        BY_NAME.put("vxlan", Vxlan.INSTANCE);
        BY_NAME.put("geneve", Geneve.INSTANCE);
        BY_NAME.put("vxlan-gpe", VxlanGpe.INSTANCE);
        BY_NAME.put("nsh", Nsh.INSTANCE);
        BY_NAME.put("eth", Ethernet.INSTANCE);
        BY_NAME.put("ip", Ipv4.INSTANCE);
        BY_NAME.put("ipv6", Ipv6.INSTANCE);
        BY_NAME.put("http", Http.INSTANCE);
        BY_NAME.put("tls", Tls.INSTANCE);
        BY_NAME.put("ssh", NamedProtocol.SSH);
        BY_NAME.put("dns", NamedProtocol.DNS);
        BY_NAME.put("data", Data.INSTANCE);
    }

    private Protocols() {
    }

    static void ensureLoaded() {
        // the static initialiser above is the work
    }

    static DissectorTables defaultTables() {
        return DEFAULTS;
    }

    /** Decoders that "Decode As" can name. */
    public static LayerDecoder decoderByName(String name) {
        return BY_NAME.get(name);
    }

    public static java.util.Set<String> decodeAsNames() {
        return BY_NAME.keySet();
    }

    /** The first decoder for a link type, or null for an unsupported one. */
    static LayerDecoder forLinkType(int linkType) {
        return switch (linkType) {
            case org.tunnellens.capture.LinkType.ETHERNET -> Ethernet.INSTANCE;
            case org.tunnellens.capture.LinkType.LINUX_SLL -> LinuxCooked.V1;
            case org.tunnellens.capture.LinkType.LINUX_SLL2 -> LinuxCooked.V2;
            case org.tunnellens.capture.LinkType.NULL -> Loopback.NULL;
            case org.tunnellens.capture.LinkType.LOOP -> Loopback.LOOP;
            case org.tunnellens.capture.LinkType.RAW -> RawIp.INSTANCE;
            case org.tunnellens.capture.LinkType.IPV4 -> Ipv4.INSTANCE;
            case org.tunnellens.capture.LinkType.IPV6 -> Ipv6.INSTANCE;
            case org.tunnellens.capture.LinkType.FRELAY -> FrameRelay.INSTANCE;
            default -> null;
        };
    }
}
