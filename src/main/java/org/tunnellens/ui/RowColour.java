package org.tunnellens.ui;

import org.tunnellens.dissect.proto.Arp;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.proto.Icmp;
import org.tunnellens.dissect.proto.Icmpv6;
import org.tunnellens.dissect.proto.Tcp;
import org.tunnellens.dissect.proto.Vrrp;
import org.tunnellens.dissect.proto.Vxlan;

/**
 * Wireshark-like row colouring. The first rule that matches wins, in the order declared, so a TCP reset inside a
 * VXLAN tunnel is shown as a reset: what happened matters more than how it travelled. Each rule names its CSS class
 * and the legend text.
 */
public enum RowColour {
    BAD("row-bad", "Malformed"),
    TCP_RST("row-tcp-rst", "TCP reset"),
    TCP_SYN_FIN("row-tcp-synfin", "TCP SYN / FIN"),
    VRRP("row-vrrp", "VRRP advertisement"),
    ARP("row-arp", "ARP"),
    ICMP("row-icmp", "ICMP"),
    VXLAN("row-vxlan", "VXLAN (outer)"),
    TCP("row-tcp", "TCP"),
    OTHER("row-other", "Other");

    private final String styleClass;
    private final String legend;

    RowColour(String styleClass, String legend) {
        this.styleClass = styleClass;
        this.legend = legend;
    }

    public String styleClass() {
        return styleClass;
    }

    public String legend() {
        return legend;
    }

    public static RowColour of(Dissection d) {
        // bad checksums are not coloured: Wireshark does not check them by default, and a capture taken on the
        // sending host has them everywhere (checksum offload), which would paint whole captures black
        for (int i = 0; i < d.count(); i++) {
            if ((d.flags(i) & Dissection.FLAG_MALFORMED) != 0) {
                return BAD;
            }
        }
        int flags = d.last(Tcp.FLAGS);
        if (flags >= 0) {
            long f = d.value(flags);
            if ((f & 0x04) != 0) {
                return TCP_RST;
            }
            if ((f & 0x03) != 0) {
                return TCP_SYN_FIN;
            }
        }
        if (d.has(Vrrp.PROTO)) {
            return VRRP;
        }
        if (d.has(Arp.PROTO)) {
            return ARP;
        }
        if (d.has(Icmp.PROTO) || d.has(Icmpv6.PROTO)) {
            return ICMP;
        }
        if (d.has(Vxlan.PROTO)) {
            return VXLAN;
        }
        return flags >= 0 ? TCP : OTHER;
    }
}
