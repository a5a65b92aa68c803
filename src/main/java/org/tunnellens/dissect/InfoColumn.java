package org.tunnellens.dissect;

/** Wireshark's Info column text for the protocols TunnelLens decodes, from the innermost layer that has one. */
public final class InfoColumn {
    private InfoColumn() {
    }

    public static String info(Dissection d) {
        StringBuilder sb = new StringBuilder();
        for (int l = d.layerCount() - 1; l >= 0; l--) {
            FieldDef p = d.layerProtocol(l);
            int occ = d.layerOccurrence(l);
            if (PacketSummary.inIcmpQuote(d, occ)) {
                continue;
            }
            if (p == Arp.PROTO) {
                arp(d, occ, sb);
            } else if (p == Icmp.PROTO) {
                icmp(d, occ, sb);
            } else if (p == Vrrp.PROTO) {
                vrrp(d, occ, sb);
            } else if (p == Tcp.PROTO) {
                tcp(d, occ, sb);
            } else if (p == Udp.PROTO) {
                sb.append(d.value(d.next(Udp.SRCPORT, occ))).append(" \u2192 ").append(d.value(d.next(Udp.DSTPORT, occ)))
                        .append(" Len=").append(d.value(d.next(Udp.LENGTH, occ)) - 8);
            } else if (p == Http.PROTO) {
                int m = d.next(Http.METHOD, occ);
                int c = d.next(Http.CODE, occ);
                if (m >= 0) {
                    sb.append(FieldFormatter.value(d, m)).append(' ').append(FieldFormatter.value(d, d.next(Http.URI, occ)))
                            .append(' ').append(FieldFormatter.value(d, d.next(Http.VERSION, occ)));
                } else if (c >= 0) {
                    sb.append(FieldFormatter.value(d, d.next(Http.RESPONSE_VERSION, occ))).append(' ').append(d.value(c));
                    int ph = d.next(Http.PHRASE, occ);
                    if (ph >= 0) {
                        sb.append(' ').append(FieldFormatter.value(d, ph));
                    }
                } else {
                    continue;
                }
            } else {
                continue;
            }
            return sb.toString();
        }
        return sb.toString();
    }

    private static void arp(Dissection d, int occ, StringBuilder sb) {
        int op = (int) d.value(d.next(Arp.OPCODE, occ));
        int spa = d.next(Arp.SRC_PROTO_IPV4, occ);
        int tpa = d.next(Arp.DST_PROTO_IPV4, occ);
        if (spa < 0 || tpa < 0) {
            sb.append(op == 1 ? "Who has ?" : "ARP");
            return;
        }
        boolean gratuitous = d.value(spa) == d.value(tpa);
        if (op == 1) {
            if (gratuitous && d.value(d.next(Arp.DST_HW_MAC, occ)) == 0) {
                sb.append("ARP Announcement for ");
                FieldFormatter.appendIpv4(sb, d.value(spa));
            } else if (gratuitous) {
                sb.append("Gratuitous ARP for ");
                FieldFormatter.appendIpv4(sb, d.value(spa));
                sb.append(" (Request)");
            } else {
                sb.append("Who has ");
                FieldFormatter.appendIpv4(sb, d.value(tpa));
                sb.append("? Tell ");
                FieldFormatter.appendIpv4(sb, d.value(spa));
            }
        } else if (op == 2) {
            if (gratuitous) {
                sb.append("Gratuitous ARP for ");
                FieldFormatter.appendIpv4(sb, d.value(spa));
                sb.append(" (Reply)");
            } else {
                FieldFormatter.appendIpv4(sb, d.value(spa));
                sb.append(" is at ");
                FieldFormatter.appendMac(sb, d.value(d.next(Arp.SRC_HW_MAC, occ)));
            }
        } else {
            sb.append("ARP opcode ").append(op);
        }
    }

    private static void icmp(Dissection d, int occ, StringBuilder sb) {
        int type = (int) d.value(d.next(Icmp.TYPE, occ));
        String name = Icmp.typeName(type);
        sb.append(name != null ? name : "Type " + type);
        int id = d.next(Icmp.IDENT, occ);
        if ((type == 0 || type == 8) && id >= 0) {
            sb.append("  id=");
            FieldFormatter.appendHex(sb, d.value(id), 4);
            sb.append(", seq=").append(d.value(d.next(Icmp.SEQ, occ))).append('/')
                    .append(d.value(d.next(Icmp.SEQ_LE, occ)));
            int ipTtl = d.last(Ipv4.TTL);
            if (ipTtl >= 0) {
                sb.append(", ttl=").append(d.value(ipTtl));
            }
        }
    }

    private static void vrrp(Dissection d, int occ, StringBuilder sb) {
        int version = (int) d.value(d.next(Vrrp.VERSION, occ));
        sb.append("Announcement (v").append(version).append(')');
    }

    private static void tcp(Dissection d, int occ, StringBuilder sb) {
        sb.append(d.value(d.next(Tcp.SRCPORT, occ))).append(" \u2192 ").append(d.value(d.next(Tcp.DSTPORT, occ)));
        int f = d.next(Tcp.FLAGS, occ);
        if (f < 0) {
            return;
        }
        long flags = d.value(f);
        sb.append(" [");
        String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
        int[] order = {1, 0, 2, 3, 4, 5, 6, 7};
        boolean first = true;
        for (int i : order) {
            if ((flags & (1L << i)) != 0) {
                if (!first) {
                    sb.append(", ");
                }
                sb.append(names[i]);
                first = false;
            }
        }
        sb.append("] Seq=").append(d.value(d.next(Tcp.SEQ, occ)));
        if ((flags & 0x10) != 0) {
            sb.append(" Ack=").append(d.value(d.next(Tcp.ACK, occ)));
        }
        sb.append(" Win=").append(d.value(d.next(Tcp.WINDOW, occ)));
        sb.append(" Len=").append(d.value(d.next(Tcp.LEN, occ)));
        int mss = d.next(Tcp.MSS, occ);
        if (mss >= 0) {
            sb.append(" MSS=").append(d.value(mss));
        }
        if (d.next(Tcp.SACK_PERM, occ) >= 0) {
            sb.append(" SACK_PERM");
        }
        int ts = d.next(Tcp.TSVAL, occ);
        if (ts >= 0) {
            sb.append(" TSval=").append(d.value(ts)).append(" TSecr=").append(d.value(d.next(Tcp.TSECR, occ)));
        }
        int ws = d.next(Tcp.WSCALE_MULT, occ);
        if (ws >= 0) {
            sb.append(" WS=").append(d.value(ws));
        }
    }
}
