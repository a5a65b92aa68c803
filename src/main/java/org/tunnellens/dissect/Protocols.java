package org.tunnellens.dissect;

import java.util.List;
import org.tunnellens.dissect.proto.Arp;
import org.tunnellens.dissect.proto.Data;
import org.tunnellens.dissect.proto.Erspan;
import org.tunnellens.dissect.proto.EtherTypes;
import org.tunnellens.dissect.proto.Ethernet;
import org.tunnellens.dissect.proto.FrameRelay;
import org.tunnellens.dissect.proto.Geneve;
import org.tunnellens.dissect.proto.Gre;
import org.tunnellens.dissect.proto.Http;
import org.tunnellens.dissect.proto.Icmp;
import org.tunnellens.dissect.proto.Icmpv6;
import org.tunnellens.dissect.proto.Igmp;
import org.tunnellens.dissect.proto.Ipv4;
import org.tunnellens.dissect.proto.Ipv6;
import org.tunnellens.dissect.proto.LinuxCooked;
import org.tunnellens.dissect.proto.Llc;
import org.tunnellens.dissect.proto.Loopback;
import org.tunnellens.dissect.proto.Mpls;
import org.tunnellens.dissect.proto.NamedProtocol;
import org.tunnellens.dissect.proto.Nsh;
import org.tunnellens.dissect.proto.Ntp;
import org.tunnellens.dissect.proto.Ppp;
import org.tunnellens.dissect.proto.Tcp;
import org.tunnellens.dissect.proto.Teredo;
import org.tunnellens.dissect.proto.Tls;
import org.tunnellens.dissect.proto.Udp;
import org.tunnellens.dissect.proto.Vlan;
import org.tunnellens.dissect.proto.Vrrp;
import org.tunnellens.dissect.proto.Vxlan;
import org.tunnellens.dissect.proto.VxlanGpe;

/**
 * The catalogue of protocols, Wireshark's generated {@code register.c}: one line per protocol, in the order their
 * fields get their ids and their hand-offs and heuristics are registered (the VXLAN heuristic is tried before
 * DNS's). Adding a protocol is its class in {@code dissect.proto} and one line here.
 */
public final class Protocols {
    private static final List<Protocol> CATALOGUE = List.of(
            Frame.INSTANCE,
            Malformed.INSTANCE,
            Ethernet.INSTANCE,
            EtherTypes.INSTANCE,
            Vlan.DOT1Q,
            Llc.INSTANCE,
            LinuxCooked.V1,
            Loopback.NULL,
            Arp.INSTANCE,
            Ipv4.INSTANCE,
            Ipv6.INSTANCE,
            Icmp.INSTANCE,
            Icmpv6.INSTANCE,
            Udp.INSTANCE,
            Tcp.INSTANCE,
            Vxlan.INSTANCE,
            Geneve.INSTANCE,
            VxlanGpe.INSTANCE,
            Nsh.INSTANCE,
            Vrrp.INSTANCE,
            Igmp.INSTANCE,
            Gre.INSTANCE,
            Erspan.INSTANCE,
            FrameRelay.INSTANCE,
            Ppp.INSTANCE,
            Mpls.INSTANCE,
            NamedProtocol.DNS,
            NamedProtocol.MDNS,
            NamedProtocol.DHCP,
            NamedProtocol.DHCPV6,
            Ntp.INSTANCE,
            NamedProtocol.SSDP,
            NamedProtocol.SSH,
            NamedProtocol.RIP,
            NamedProtocol.RIPNG,
            NamedProtocol.SIP,
            NamedProtocol.NBSS,
            NamedProtocol.SYSLOG,
            NamedProtocol.SNMP,
            Teredo.INSTANCE,
            Tls.INSTANCE,
            Http.INSTANCE,
            Data.INSTANCE);

    private static volatile DissectorTables defaults;

    private Protocols() {
    }

    public static List<Protocol> catalogue() {
        return CATALOGUE;
    }

    static DissectorTables defaultTables() {
        DissectorTables t = defaults;
        return t != null ? t : buildDefaults();
    }

    private static synchronized DissectorTables buildDefaults() {
        if (defaults == null) {
            FieldRegistry.all(); // ids first, so no registration sees a protocol half-known
            DissectorTables t = new DissectorTables();
            Handoffs h = new Handoffs(t);
            for (Protocol p : CATALOGUE) {
                p.register(h);
            }
            t.seal();
            defaults = t;
        }
        return defaults;
    }
}
