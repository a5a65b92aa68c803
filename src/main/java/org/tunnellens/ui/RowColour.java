package org.tunnellens.ui;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.filter.DisplayFilter;
import org.tunnellens.filter.FilterException;

/**
 * Row colouring rules, as Wireshark's are: a display filter each, the first that matches wins, in the order declared,
 * so a TCP reset inside a VXLAN tunnel is shown as a reset (what happened matters more than how it travelled). A
 * protocol needs no code here: a rule names its fields. Each rule has its CSS class and legend text.
 */
public enum RowColour {
    // bad checksums are not coloured: Wireshark does not check them by default, and a capture taken on the sending
    // host has them everywhere (checksum offload), which would paint whole captures black
    BAD("row-bad", "Malformed", "_ws.malformed"),
    TCP_RST("row-tcp-rst", "TCP reset", "tcp.flags.reset#-1 == 1"),
    TCP_SYN_FIN("row-tcp-synfin", "TCP SYN / FIN", "tcp.flags.syn#-1 == 1 || tcp.flags.fin#-1 == 1"),
    VRRP("row-vrrp", "VRRP advertisement", "vrrp"),
    ARP("row-arp", "ARP", "arp"),
    ICMP("row-icmp", "ICMP", "icmp || icmpv6"),
    VXLAN("row-vxlan", "VXLAN (outer)", "vxlan"),
    TCP("row-tcp", "TCP", "tcp"),
    OTHER("row-other", "Other", "");

    private final String styleClass;
    private final String legend;
    private final String filterText;
    private DisplayFilter filter;

    RowColour(String styleClass, String legend, String filterText) {
        this.styleClass = styleClass;
        this.legend = legend;
        this.filterText = filterText;
    }

    public String styleClass() {
        return styleClass;
    }

    public String legend() {
        return legend;
    }

    /** The rule's display filter, as Wireshark's View → Coloring Rules shows it. */
    public String filterText() {
        return filterText;
    }

    private DisplayFilter filter() {
        DisplayFilter f = filter;
        if (f == null) {
            try {
                f = DisplayFilter.compile(filterText);
            } catch (FilterException e) {
                throw new IllegalStateException("colouring rule " + name() + ": " + e.getMessage(), e);
            }
            filter = f;
        }
        return f;
    }

    public static RowColour of(Dissection d) {
        for (RowColour c : values()) {
            if (c == OTHER || c.filter().matches(d)) {
                return c;
            }
        }
        return OTHER;
    }
}
