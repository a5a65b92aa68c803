package org.tunnellens.cli;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.tunnellens.dissect.Arp;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.Ethernet;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.FieldFormatter;
import org.tunnellens.dissect.Icmp;
import org.tunnellens.dissect.Ipv4;
import org.tunnellens.dissect.Ipv6;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.dissect.Tcp;
import org.tunnellens.dissect.Udp;
import org.tunnellens.dissect.Vrrp;
import org.tunnellens.dissect.Vxlan;
import org.tunnellens.filter.DisplayFilter;

/**
 * tcpdump's one-line style, as {@code tcpdump -# -n -tttt} (and {@code -e} with link headers) prints it, since many
 * lab guides quote tcpdump. A VXLAN packet gives two lines, the outer one ending in "vni N" and the inner frame;
 * VXLAN on 8472 is called VXLAN (not OTV, tcpdump's default name for that port).
 */
final class TcpdumpLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private TcpdumpLine() {
    }

    static void write(Writer out, PacketDissector dissector, DisplayFilter filter, int n, boolean linkHeaders)
            throws IOException {
        StringBuilder sb = new StringBuilder(256);
        LineWriter lines = new LineWriter(out);
        for (int p = 0; p < n; p++) {
            Dissection d = dissector.dissect(p);
            if (!filter.matches(d)) {
                continue;
            }
            sb.setLength(0);
            append(d, linkHeaders, sb);
            lines.writeLine(sb);
        }
    }

    static void append(Dissection d, boolean linkHeaders, StringBuilder sb) {
        String num = Integer.toString(d.frameNumber());
        sb.append(" ".repeat(Math.max(0, 5 - num.length()))).append(num).append("  ");
        long ns = d.timestampNanos();
        Instant t = Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
        sb.append(TIME.format(t)).append('.');
        String micros = Long.toString(Math.floorMod(ns, 1_000_000_000L) / 1000);
        sb.append("0".repeat(6 - micros.length())).append(micros).append(' ');
        int first = d.layerCount() > 1 ? 1 : 0;
        frame(d, first, linkHeaders, d.originalLength(), sb);
    }

    /** Prints from layer {@code l} (a link layer or a network layer) to the end of the packet or the next tunnel. */
    private static void frame(Dissection d, int l, boolean linkHeaders, int length, StringBuilder sb) {
        if (l >= d.layerCount()) {
            return;
        }
        FieldDef p = d.layerProtocol(l);
        int occ = d.layerOccurrence(l);
        int next = nextShown(d, l + 1);
        if (p == Ethernet.PROTO) {
            FieldDef np = next < d.layerCount() ? d.layerProtocol(next) : null;
            if (linkHeaders) {
                sb.append(FieldFormatter.mac(d.value(d.next(Ethernet.SRC, occ)))).append(" > ")
                        .append(FieldFormatter.mac(d.value(d.next(Ethernet.DST, occ))));
                int type = d.next(Ethernet.TYPE, occ);
                if (type >= 0) {
                    long et = d.value(type);
                    String name = et == 0x0800 ? "IPv4" : et == 0x0806 ? "ARP" : et == 0x86dd ? "IPv6"
                            : et == 0x8100 ? "802.1Q" : "Unknown";
                    sb.append(", ethertype ").append(name).append(" (");
                    FieldFormatter.appendHex(sb, et, 4);
                    sb.append("), length ").append(length).append(": ");
                }
            }
            if (np == Ipv4.PROTO && !linkHeaders) {
                sb.append("IP ");
            } else if (np == Ipv6.PROTO && !linkHeaders) {
                sb.append("IP6 ");
            } else if (np == Arp.PROTO && !linkHeaders) {
                sb.append("ARP, ");
            }
            frame(d, next, linkHeaders, length, sb);
        } else if (p == Ipv4.PROTO || p == Ipv6.PROTO) {
            if (d.start(occ) == 0 || l == 0) {
                sb.append(p == Ipv4.PROTO ? "IP " : "IP6 ");
            }
            ip(d, l, occ, p == Ipv4.PROTO, linkHeaders, sb);
        } else if (p == Arp.PROTO) {
            arp(d, occ, sb);
        } else {
            sb.append(p.abbrev());
        }
    }

    private static int nextShown(Dissection d, int l) {
        int i = l;
        while (i < d.layerCount() && d.layerProtocol(i).hidden()) {
            i++;
        }
        return i;
    }

    private static void ip(Dissection d, int l, int occ, boolean v4, boolean linkHeaders, StringBuilder sb) {
        String src = FieldFormatter.value(d, d.next(v4 ? Ipv4.SRC : Ipv6.SRC, occ));
        String dst = FieldFormatter.value(d, d.next(v4 ? Ipv4.DST : Ipv6.DST, occ));
        int next = nextShown(d, l + 1);
        if (next >= d.layerCount()) {
            sb.append(src).append(" > ").append(dst).append(": ip-proto");
            return;
        }
        FieldDef p = d.layerProtocol(next);
        int t = d.layerOccurrence(next);
        if (p == Udp.PROTO) {
            long sport = d.value(d.next(Udp.SRCPORT, t));
            long dport = d.value(d.next(Udp.DSTPORT, t));
            sb.append(src).append('.').append(sport).append(" > ").append(dst).append('.').append(dport).append(": ");
            int vx = nextShown(d, next + 1);
            if (vx < d.layerCount() && d.layerProtocol(vx) == Vxlan.PROTO) {
                int vo = d.layerOccurrence(vx);
                sb.append("VXLAN, flags [I] (");
                FieldFormatter.appendHex(sb, d.value(d.next(Vxlan.FLAGS, vo)) >>> 8, 2);
                sb.append("), vni ").append(d.value(d.next(Vxlan.VNI, vo))).append('\n');
                int inner = nextShown(d, vx + 1);
                if (inner < d.layerCount()) {
                    int innerStart = d.start(d.layerOccurrence(inner));
                    frame(d, inner, linkHeaders, d.originalLength() - innerStart, sb);
                }
            } else {
                sb.append("UDP, length ").append(d.value(d.next(Udp.LENGTH, t)) - 8);
            }
        } else if (p == Icmp.PROTO) {
            sb.append(src).append(" > ").append(dst).append(": ICMP ");
            int type = (int) d.value(d.next(Icmp.TYPE, t));
            int id = d.next(Icmp.IDENT, t);
            if ((type == 0 || type == 8) && id >= 0) {
                sb.append(type == 8 ? "echo request" : "echo reply").append(", id ").append(d.value(id))
                        .append(", seq ").append(d.value(d.next(Icmp.SEQ, t)));
            } else {
                sb.append("type ").append(type);
            }
            sb.append(", length ").append(d.length(t));
        } else if (p == Tcp.PROTO) {
            long flags = d.value(d.next(Tcp.FLAGS, t));
            sb.append(src).append('.').append(d.value(d.next(Tcp.SRCPORT, t))).append(" > ").append(dst).append('.')
                    .append(d.value(d.next(Tcp.DSTPORT, t))).append(": Flags [");
            sb.append((flags & 0x02) != 0 ? "S" : "").append((flags & 0x01) != 0 ? "F" : "")
                    .append((flags & 0x04) != 0 ? "R" : "").append((flags & 0x08) != 0 ? "P" : "")
                    .append((flags & 0x10) != 0 ? "." : "").append("], seq ").append(d.value(d.next(Tcp.SEQ_RAW, t)));
            if ((flags & 0x10) != 0) {
                sb.append(", ack ").append(d.value(d.next(Tcp.ACK_RAW, t)));
            }
            sb.append(", win ").append(d.value(d.next(Tcp.WINDOW, t))).append(", length ")
                    .append(d.value(d.next(Tcp.LEN, t)));
        } else if (p == Vrrp.PROTO) {
            long version = d.value(d.next(Vrrp.VERSION, t));
            sb.append(src).append(" > ").append(dst).append(": VRRPv").append(version).append(", Advertisement, vrid ")
                    .append(d.value(d.next(Vrrp.VRID, t))).append(", prio ").append(d.value(d.next(Vrrp.PRIO, t)));
            if (version == 2) {
                long auth = d.value(d.next(Vrrp.AUTH_TYPE, t));
                sb.append(", authtype ").append(auth == 0 ? "none" : auth == 1 ? "simple" : auth == 2 ? "ah"
                        : "unknown").append(", intvl ").append(d.value(d.next(Vrrp.ADVER_INT, t))).append('s');
            } else {
                sb.append(", intvl ").append(d.value(d.next(Vrrp.MAX_ADVER_INT, t))).append("cs");
            }
            sb.append(", length ").append(d.length(t));
        } else {
            sb.append(src).append(" > ").append(dst).append(": ").append(p.abbrev());
        }
    }

    private static void arp(Dissection d, int occ, StringBuilder sb) {
        int op = (int) d.value(d.next(Arp.OPCODE, occ));
        int spa = d.next(Arp.SRC_PROTO_IPV4, occ);
        int tpa = d.next(Arp.DST_PROTO_IPV4, occ);
        if (spa < 0 || tpa < 0) {
            sb.append("ARP opcode ").append(op);
            return;
        }
        if (op == 1) {
            sb.append("Request who-has ").append(FieldFormatter.ipv4(d.value(tpa))).append(" tell ")
                    .append(FieldFormatter.ipv4(d.value(spa)));
        } else if (op == 2) {
            sb.append("Reply ").append(FieldFormatter.ipv4(d.value(spa))).append(" is-at ")
                    .append(FieldFormatter.mac(d.value(d.next(Arp.SRC_HW_MAC, occ))));
        } else {
            sb.append("ARP opcode ").append(op);
        }
        sb.append(", length ").append(d.length(occ));
    }
}
