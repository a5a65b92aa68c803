package org.tunnellens.dissect;

/**
 * Wireshark's Info column text for the protocols TunnelLens decodes, from the innermost layer that has one. Texts
 * follow Wireshark 4.0's dissectors (padding included) so students can compare our list with theirs line by line.
 */
public final class InfoColumn {
    private static final String[] TCP_FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
    /** Wireshark lists SYN before FIN. */
    private static final int[] TCP_FLAG_ORDER = {1, 0, 2, 3, 4, 5, 6, 7};

    private InfoColumn() {
    }

    /** The Info text without request/reply pairing (a one-pass view, like tshark without -2). */
    public static String info(Dissection d) {
        return info(d, RequestReplyIndex.empty());
    }

    /** The Info text, with "(reply in N)" and scaled TCP windows from the first pass. */
    public static String info(Dissection d, RequestReplyIndex pairs) {
        StringBuilder sb = new StringBuilder();
        append(d, pairs, sb);
        return sb.toString();
    }

    public static void append(Dissection d, RequestReplyIndex pairs, StringBuilder sb) {
        appendInnermost(d, pairs, sb);
        if (malformed(d)) {
            sb.append("[Malformed Packet]");
        }
    }

    private static boolean malformed(Dissection d) {
        for (int l = 0; l < d.layerCount(); l++) {
            int occ = d.layerOccurrence(l);
            int f = d.flags(occ);
            if (d.field(occ) == Malformed.PROTO
                    || ((f & Dissection.FLAG_MALFORMED) != 0 && (f & Dissection.FLAG_EXPERT_ONLY) == 0)) {
                return true;
            }
        }
        return false;
    }

    private static void appendInnermost(Dissection d, RequestReplyIndex pairs, StringBuilder sb) {
        for (int l = d.layerCount() - 1; l >= 0; l--) {
            FieldDef p = d.layerProtocol(l);
            int occ = d.layerOccurrence(l);
            if (PacketSummary.inIcmpQuote(d, occ)) {
                continue;
            }
            if (p == Arp.PROTO) {
                arp(d, occ, sb);
                int spa = d.next(Arp.SRC_PROTO_IPV4, occ);
                if (spa >= 0 && pairs.duplicateArpSender(d.frameNumber() - 1)) {
                    sb.append(" (duplicate use of ");
                    FieldFormatter.appendIpv4(sb, d.value(spa));
                    sb.append(" detected!)");
                }
            } else if (p == Icmp.PROTO) {
                icmp(d, occ, pairs, sb);
            } else if (p == Vrrp.PROTO) {
                int v = d.next(Vrrp.VERSION, occ);
                sb.append("Announcement (v").append(v < 0 ? 0 : d.value(v)).append(')');
            } else if (p == Igmp.PROTO) {
                if (d.length(occ) == 0) {
                    continue; // the empty repeated item; its fields follow the first one
                }
                igmp(d, occ, sb);
            } else if (p == Tcp.PROTO) {
                tcp(d, occ, pairs, sb);
            } else if (p == Udp.PROTO) {
                udp(d, occ, sb);
            } else if (p == Http.PROTO) {
                if (!http(d, occ, sb)) {
                    continue;
                }
            } else if (p == Ipv4.PROTO && Ipv4.unreassembledFragment(d, occ)) {
                ipFragment(d, occ, pairs, sb);
            } else {
                continue;
            }
            return;
        }
    }

    /** Wireshark's text for a fragment it does not decode here, with where it was reassembled once known. */
    private static void ipFragment(Dissection d, int occ, RequestReplyIndex pairs, StringBuilder sb) {
        int proto = d.next(Ipv4.PROTOCOL, occ);
        int off = d.next(Ipv4.FRAG_OFFSET, occ);
        int id = d.next(Ipv4.ID, occ);
        long p = d.value(proto);
        String name = IpProtocols.name(p);
        sb.append("Fragmented IP protocol (proto=").append(name == null ? "Unknown" : name).append(' ').append(p)
                .append(", off=").append(d.value(off) * 8).append(", ID=");
        String hex = Long.toHexString(d.value(id));
        sb.append("0".repeat(Math.max(0, 4 - hex.length()))).append(hex).append(')');
        int in = d.next(Ipv4.REASSEMBLED_IN, occ);
        long frame = in >= 0 && d.layerOf(in) == d.layerOf(occ) ? d.value(in) : pairs.reassembledIn(d.frameNumber() - 1);
        if (frame > 0) {
            sb.append(" [Reassembled in #").append(frame).append(']');
        }
    }

    private static void udp(Dissection d, int occ, StringBuilder sb) {
        int s = d.next(Udp.SRCPORT, occ);
        int t = d.next(Udp.DSTPORT, occ);
        int len = d.next(Udp.LENGTH, occ);
        if (s < 0 || t < 0 || len < 0) {
            return;
        }
        sb.append(d.value(s)).append(" \u2192 ").append(d.value(t));
        long ulen = d.value(len);
        if (ulen < 8) {
            sb.append(" [BAD UDP LENGTH ").append(ulen).append(" < 8]");
        } else {
            sb.append(" Len=").append(ulen - 8);
        }
    }

    /** Wireshark 4.0's HTTP Info ends with a space (the first line's CRLF turned into one). */
    private static boolean http(Dissection d, int occ, StringBuilder sb) {
        int m = d.next(Http.METHOD, occ);
        int c = d.next(Http.CODE, occ);
        if (m >= 0) {
            sb.append(FieldFormatter.value(d, m)).append(' ').append(FieldFormatter.value(d, d.next(Http.URI, occ)))
                    .append(' ').append(FieldFormatter.value(d, d.next(Http.VERSION, occ))).append(' ');
            httpBody(d, occ, sb);
            return true;
        }
        if (c >= 0) {
            sb.append(FieldFormatter.value(d, d.next(Http.RESPONSE_VERSION, occ))).append(' ').append(d.value(c));
            int ph = d.next(Http.PHRASE, occ);
            if (ph >= 0) {
                sb.append(' ').append(FieldFormatter.value(d, ph));
            }
            sb.append(' ');
            httpBody(d, occ, sb);
            return true;
        }
        return false;
    }

    /**
     * The body's media dissector adds its type, as Wireshark's do: "(text/plain)" after a space for text lines and
     * form data, ", JavaScript Object Notation (application/json)" for JSON.
     */
    private static void httpBody(Dissection d, int httpOcc, StringBuilder sb) {
        int layer = d.layerOf(httpOcc) + 1;
        int type = d.next(Http.CONTENT_TYPE, httpOcc);
        if (layer >= d.layerCount() || type < 0 || d.layerOf(type) != d.layerOf(httpOcc)) {
            return;
        }
        FieldDef body = d.layerProtocol(layer);
        String media = FieldFormatter.value(d, type);
        int semi = media.indexOf(';');
        media = (semi >= 0 ? media.substring(0, semi) : media).strip().toLowerCase(java.util.Locale.ROOT);
        if (body == Http.TEXT_LINES || body == Http.FORM) {
            sb.append(" (").append(media).append(')');
        } else if (body == Http.JSON) {
            sb.append(", JavaScript Object Notation (").append(media).append(')');
        }
    }

    private static void arp(Dissection d, int occ, StringBuilder sb) {
        int opOcc = d.next(Arp.OPCODE, occ);
        if (opOcc < 0) {
            return;
        }
        int op = (int) d.value(opOcc);
        int spa = d.next(Arp.SRC_PROTO_IPV4, occ);
        int tpa = d.next(Arp.DST_PROTO_IPV4, occ);
        long sip;
        long tip;
        long tha;
        long sha;
        if (spa >= 0 && tpa >= 0) {
            sip = d.value(spa);
            tip = d.value(tpa);
            tha = d.value(d.next(Arp.DST_HW_MAC, occ));
            sha = d.value(d.next(Arp.SRC_HW_MAC, occ));
        } else {
            // odd hardware sizes: Wireshark still reads the IPv4 addresses where the sizes put them
            int off = d.start(occ);
            int hln = d.u8(off + 4);
            int pln = d.u8(off + 5);
            if (pln != 4 || off + 8 + 2 * (hln + pln) > d.capturedLength()) {
                sb.append(op == 1 ? "Who has ?" : "ARP");
                return;
            }
            sip = d.u32(off + 8 + hln);
            tip = d.u32(off + 8 + 2 * hln + 4);
            tha = hln >= 6 ? d.u48(off + 12 + hln) : 1;
            sha = hln >= 6 ? d.u48(off + 8) : 0;
        }
        boolean gratuitous = sip == tip;
        if (op == 1) {
            if (gratuitous && tha == 0) {
                sb.append("ARP Announcement for ");
                FieldFormatter.appendIpv4(sb, sip);
            } else if (gratuitous) {
                sb.append("Gratuitous ARP for ");
                FieldFormatter.appendIpv4(sb, sip);
                sb.append(" (Request)");
            } else {
                sb.append("Who has ");
                FieldFormatter.appendIpv4(sb, tip);
                sb.append("? Tell ");
                FieldFormatter.appendIpv4(sb, sip);
            }
        } else if (op == 2) {
            if (gratuitous) {
                sb.append("Gratuitous ARP for ");
                FieldFormatter.appendIpv4(sb, sip);
                sb.append(" (Reply)");
            } else {
                FieldFormatter.appendIpv4(sb, sip);
                sb.append(" is at ");
                FieldFormatter.appendMac(sb, sha);
            }
        } else {
            sb.append("ARP opcode ").append(op);
        }
    }

    private static void icmp(Dissection d, int occ, RequestReplyIndex pairs, StringBuilder sb) {
        int type = (int) d.value(d.next(Icmp.TYPE, occ));
        int code = (int) d.value(d.next(Icmp.CODE, occ));
        String name = Icmp.typeName(type);
        // Wireshark 4.0 names every router advertisement with code 0 or 16 this way
        if (type == 9 && (code == 0 || code == 16)) {
            name = "Mobile IP Advertisement";
        }
        // Wireshark pads the type name to 20 characters, then adds the code text or the id/seq
        int start = sb.length();
        sb.append(name != null ? name : "Unknown ICMP (obsolete or malformed?)");
        for (int i = sb.length() - start; i < 20; i++) {
            sb.append(' ');
        }
        String codeText = codeText(type, code);
        if (codeText != null) {
            sb.append(" (").append(codeText).append(')');
        }
        int id = d.next(Icmp.IDENT, occ);
        if (id < 0 || d.layerOf(id) != d.layerOf(occ)) {
            return;
        }
        sb.append(" id=");
        FieldFormatter.appendHex(sb, d.value(id), 4);
        sb.append(", seq=").append(d.value(d.next(Icmp.SEQ, occ))).append('/')
                .append(d.value(d.next(Icmp.SEQ_LE, occ)));
        int ipTtl = lastBefore(d, Ipv4.TTL, occ);
        if (ipTtl >= 0) {
            sb.append(", ttl=").append(d.value(ipTtl));
        }
        if (type != 0 && type != 8) {
            return;
        }
        int i = d.frameNumber() - 1;
        int partner = pairs.partnerOf(i);
        if (partner > 0) {
            sb.append(type == 8 ? " (reply in " : " (request in ").append(partner).append(')');
        } else if (type == 8 && pairs.covers(i)) {
            int dst = lastBefore(d, Ipv4.DST, occ);
            long a = dst < 0 ? 0 : d.value(dst);
            // a request to a broadcast or multicast address expects no single reply
            boolean broadcast = (a & 0xff) == 0xff || (a >>> 28) == 0xe;
            sb.append(broadcast ? " (broadcast)" : " (no response found!)");
        }
    }

    private static int lastBefore(Dissection d, FieldDef f, int occ) {
        int found = -1;
        for (int i = d.first(f); i >= 0 && i < occ; i = d.next(f, i)) {
            found = i;
        }
        return found;
    }

    static String codeText(int type, int code) {
        return switch (type) {
            case 3 -> switch (code) {
                case 0 -> "Network unreachable";
                case 1 -> "Host unreachable";
                case 2 -> "Protocol unreachable";
                case 3 -> "Port unreachable";
                case 4 -> "Fragmentation needed";
                case 5 -> "Source route failed";
                case 6 -> "Destination network unknown";
                case 7 -> "Destination host unknown";
                case 8 -> "Source host isolated";
                case 9 -> "Network administratively prohibited";
                case 10 -> "Host administratively prohibited";
                case 11 -> "Network unreachable for TOS";
                case 12 -> "Host unreachable for TOS";
                case 13 -> "Communication administratively filtered";
                case 14 -> "Host precedence violation";
                case 15 -> "Precedence cutoff in effect";
                default -> null;
            };
            case 5 -> switch (code) {
                case 0 -> "Redirect for network";
                case 1 -> "Redirect for host";
                case 2 -> "Redirect for TOS and network";
                case 3 -> "Redirect for TOS and host";
                default -> null;
            };
            case 9 -> switch (code) {
                case 0 -> "Normal router advertisement";
                case 16 -> "Does not route common traffic";
                default -> null;
            };
            case 11 -> switch (code) {
                case 0 -> "Time to live exceeded in transit";
                case 1 -> "Fragment reassembly time exceeded";
                default -> null;
            };
            case 12 -> switch (code) {
                case 0 -> "Pointer indicates the error";
                case 1 -> "Required option missing";
                case 2 -> "Bad length";
                default -> null;
            };
            default -> null;
        };
    }

    private static void tcp(Dissection d, int occ, RequestReplyIndex pairs, StringBuilder sb) {
        sb.append(pairs.tcpAnalysisLabel(d.frameNumber() - 1));
        sb.append(d.value(d.next(Tcp.SRCPORT, occ))).append(" \u2192 ").append(d.value(d.next(Tcp.DSTPORT, occ)));
        int f = d.next(Tcp.FLAGS, occ);
        if (f < 0) {
            return;
        }
        long flags = d.value(f);
        sb.append(" [");
        boolean first = true;
        for (int i : TCP_FLAG_ORDER) {
            if ((flags & (1L << i)) != 0) {
                if (!first) {
                    sb.append(", ");
                }
                sb.append(TCP_FLAG_NAMES[i]);
                first = false;
            }
        }
        if (first) {
            sb.append("<None>");
        }
        sb.append("] Seq=").append(d.value(d.next(Tcp.SEQ, occ)));
        if ((flags & 0x10) != 0) {
            sb.append(" Ack=").append(d.value(d.next(Tcp.ACK, occ)));
        }
        long win = d.value(d.next(Tcp.WINDOW, occ));
        int shift = pairs.windowShift(d.frameNumber() - 1);
        sb.append(" Win=").append(shift > 0 ? win << shift : win);
        sb.append(" Len=").append(d.value(d.next(Tcp.LEN, occ)));
        if ((flags & 0x20) != 0) {
            sb.append(" Urg=").append(d.value(d.next(Tcp.URGENT, occ)));
        }
        // options in the order the sender wrote them
        int layer = d.layerOf(occ);
        int mss = Tcp.MSS.id();
        int sackPerm = Tcp.SACK_PERM.id();
        int tsval = Tcp.TSVAL.id();
        int ws = Tcp.WSCALE_MULT.id();
        for (int i = occ + 1; i < d.count() && d.layerOf(i) == layer; i++) {
            int o = d.fieldId(i);
            if (o == mss) {
                sb.append(" MSS=").append(d.value(i));
            } else if (o == sackPerm) {
                sb.append(" SACK_PERM");
            } else if (o == tsval) {
                sb.append(" TSval=").append(d.value(i));
                int ecr = d.next(Tcp.TSECR, i);
                if (ecr >= 0) {
                    sb.append(" TSecr=").append(d.value(ecr));
                }
            } else if (o == ws) {
                sb.append(" WS=").append(d.value(i));
            }
        }
    }

    /** As Wireshark's IGMP dissector words it (RFC 2236 messages and RFC 3376 group records). */
    private static void igmp(Dissection d, int occ, StringBuilder sb) {
        int type = (int) d.value(d.next(Igmp.TYPE, occ));
        int group = d.next(Igmp.MADDR, occ);
        switch (type) {
            case 0x11 -> {
                if (group < 0 || d.value(group) == 0) {
                    sb.append("Membership Query, general");
                } else {
                    sb.append("Membership Query, specific for group ");
                    FieldFormatter.appendIpv4(sb, d.value(group));
                }
            }
            case 0x12, 0x16 -> {
                sb.append("Membership Report group ");
                FieldFormatter.appendIpv4(sb, d.value(group));
            }
            case 0x17 -> {
                sb.append("Leave Group ");
                FieldFormatter.appendIpv4(sb, d.value(group));
            }
            case 0x22 -> {
                sb.append("Membership Report");
                for (int r = d.next(Igmp.RECORD_TYPE, occ); r >= 0; r = d.next(Igmp.RECORD_TYPE, r)) {
                    int rt = (int) d.value(r);
                    long nsrc = d.value(d.next(Igmp.NUM_SRC, r));
                    String g = FieldFormatter.ipv4(d.value(d.next(Igmp.MADDR, r)));
                    sb.append(" / ");
                    if (rt == 4 && nsrc == 0) {
                        sb.append("Join group ").append(g).append(" for any sources");
                    } else if (rt == 3 && nsrc == 0) {
                        sb.append("Leave group ").append(g);
                    } else {
                        String name = Igmp.recordName(rt);
                        sb.append(name != null ? name : "Record type " + rt).append(" group ").append(g);
                    }
                }
            }
            default -> sb.append("Unknown Type:0x").append(Integer.toHexString(type));
        }
    }
}
