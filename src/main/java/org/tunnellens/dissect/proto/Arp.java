package org.tunnellens.dissect.proto;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.PassContext;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.StateKey;
import org.tunnellens.dissect.TcpdumpPrinter;
import org.tunnellens.dissect.column.FieldFormatter;

/** ARP (RFC 826), including gratuitous ARP and ARP announcements as Wireshark flags them. */
public final class Arp extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("arp", "Address Resolution Protocol");
    public static final FieldDef HW_TYPE = F.uint("arp.hw.type", "Hardware type",
            t -> t == 1 ? "Ethernet" : t == 6 ? "IEEE 802" : null);
    public static final FieldDef PROTO_TYPE = F.hex("arp.proto.type", "Protocol type", 16,
            EtherTypes::name);
    public static final FieldDef HW_SIZE = F.uint("arp.hw.size", "Hardware size");
    public static final FieldDef PROTO_SIZE = F.uint("arp.proto.size", "Protocol size");
    public static final FieldDef OPCODE = F.uint("arp.opcode", "Opcode", Arp::opcodeName);
    public static final FieldDef SRC_HW_MAC = F.ether("arp.src.hw_mac", "Sender MAC address");
    public static final FieldDef SRC_PROTO_IPV4 = F.ipv4("arp.src.proto_ipv4", "Sender IP address");
    public static final FieldDef DST_HW_MAC = F.ether("arp.dst.hw_mac", "Target MAC address");
    public static final FieldDef DST_PROTO_IPV4 = F.ipv4("arp.dst.proto_ipv4", "Target IP address");
    public static final FieldDef ISGRATUITOUS = F.flag("arp.isgratuitous", "Is gratuitous");
    public static final FieldDef ISANNOUNCEMENT = F.flag("arp.isannouncement", "Is announcement");
    public static final FieldDef ISPROBE = F.flag("arp.isprobe", "Is probe");
    public static final Arp INSTANCE = new Arp();

    static {
        F.alias("arp.proto.ipv4", SRC_PROTO_IPV4, DST_PROTO_IPV4);
    }

    private Arp() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ethertype(0x0806, this);
        h.ethertype(0x8035, this); // RARP (RFC 903) shares ARP's layout; tshark also calls it "arp"
    }

    @Override
    public boolean appendInfo(Dissection d, int occ, PassResults pass, StringBuilder sb) {
        int opOcc = d.next(OPCODE, occ);
        if (opOcc < 0) {
            return true;
        }
        int op = (int) d.value(opOcc);
        int spa = d.next(SRC_PROTO_IPV4, occ);
        int tpa = d.next(DST_PROTO_IPV4, occ);
        long sip;
        long tip;
        long tha;
        long sha;
        if (spa >= 0 && tpa >= 0) {
            sip = d.value(spa);
            tip = d.value(tpa);
            tha = d.value(d.next(DST_HW_MAC, occ));
            sha = d.value(d.next(SRC_HW_MAC, occ));
        } else {
            // odd hardware sizes: Wireshark still reads the IPv4 addresses where the sizes put them
            int off = d.start(occ);
            int hln = d.u8(off + 4);
            int pln = d.u8(off + 5);
            if (pln != 4 || off + 8 + 2 * (hln + pln) > d.capturedLength()) {
                sb.append(op == 1 ? "Who has ?" : "ARP");
                return true;
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
        DuplicateSenders dup = pass.get(DUPLICATES);
        if (spa >= 0 && dup != null && dup.flagged.get(d.frameNumber() - 1)) {
            sb.append(" (duplicate use of ");
            FieldFormatter.appendIpv4(sb, d.value(spa));
            sb.append(" detected!)");
        }
        return true;
    }

    @Override
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        sb.append(PROTO.label());
        int op = d.nextInLayer(OPCODE, occ);
        if (op < 0) {
            return;
        }
        String name = opcodeName(d.value(op));
        sb.append(" (");
        if (d.nextInLayer(ISANNOUNCEMENT, occ) >= 0) {
            sb.append("ARP Announcement");
        } else {
            sb.append(name != null ? name : "opcode " + d.value(op));
            if (d.nextInLayer(ISGRATUITOUS, occ) >= 0) {
                sb.append("/gratuitous ARP");
            }
        }
        sb.append(')');
    }

    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        StringBuilder sb = t.out();
        if (!t.linkPrinted()) {
            sb.append("ARP, ");
        }
        int op = (int) d.value(d.next(OPCODE, occ));
        int spa = d.nextInLayer(SRC_PROTO_IPV4, occ);
        int tpa = d.nextInLayer(DST_PROTO_IPV4, occ);
        int sha = d.nextInLayer(SRC_HW_MAC, occ);
        int tha = d.nextInLayer(DST_HW_MAC, occ);
        // tcpdump's arpop_values
        String name = switch (op) {
            case 1 -> "Request";
            case 2 -> "Reply";
            case 3 -> "Reverse Request";
            case 4 -> "Reverse Reply";
            case 8 -> "Inverse Request";
            case 9 -> "Inverse Reply";
            default -> "Unknown (" + op + ")";
        };
        if (spa < 0 || tpa < 0 || sha < 0 || tha < 0) {
            sb.append(name);
        } else {
            sb.append(name).append(' ');
            String tip = FieldFormatter.ipv4(d.value(tpa));
            String sip = FieldFormatter.ipv4(d.value(spa));
            String smac = FieldFormatter.mac(d.value(sha));
            String tmac = FieldFormatter.mac(d.value(tha));
            switch (op) {
                case 1 -> {
                    sb.append("who-has ").append(tip);
                    if (d.value(tha) != 0) {
                        sb.append(" (").append(tmac).append(')');
                    }
                    sb.append(" tell ").append(sip);
                }
                case 2 -> sb.append(sip).append(" is-at ").append(smac);
                case 3 -> sb.append("who-is ").append(tmac).append(" tell ").append(smac);
                case 4 -> sb.append(tmac).append(" at ").append(tip);
                default -> sb.setLength(sb.length() - 1);
            }
        }
        // tcpdump's length is what the link layer handed over: the ARP packet and the frame's padding
        sb.append(", length ").append(d.originalLength() - d.start(occ));
        return true;
    }

    /** Packets whose sender IP was first seen with another MAC (Wireshark's duplicate address detection). */
    private static final class DuplicateSenders {
        private final Map<Long, Long> macOfIp = new HashMap<>();
        private final BitSet flagged = new BitSet();
    }

    private static final StateKey<DuplicateSenders> DUPLICATES = StateKey.of("ARP duplicate senders",
            DuplicateSenders::new);

    @Override
    public boolean hasFirstPass() {
        return true;
    }

    @Override
    public void firstPass(Dissection d, int occ, PassContext pass) {
        int spa = d.next(SRC_PROTO_IPV4, occ);
        int sha = d.next(SRC_HW_MAC, occ);
        if (spa >= 0 && sha >= 0 && d.value(spa) != 0) {
            DuplicateSenders dup = pass.state(DUPLICATES);
            Long known = dup.macOfIp.putIfAbsent(d.value(spa), d.value(sha));
            if (known != null && known != d.value(sha)) {
                dup.flagged.set(pass.packet());
            }
        }
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 8) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int hln = d.u8(off + 4);
        int pln = d.u8(off + 5);
        int total = 8 + 2 * (hln + pln);
        int occ = d.beginLayer(PROTO, off, Math.min(total, end - off));
        d.add(HW_TYPE, off, 2, d.u16(off));
        int ptype = d.u16(off + 2);
        d.add(PROTO_TYPE, off + 2, 2, ptype);
        d.add(HW_SIZE, off + 4, 1, hln);
        d.add(PROTO_SIZE, off + 5, 1, pln);
        int op = d.u16(off + 6);
        d.add(OPCODE, off + 6, 2, op);
        if (end - off < total) {
            d.flag(occ, Malformed.cutFlag(d, end));
            return;
        }
        boolean ethIp = hln == 6 && pln == 4 && ptype == 0x0800;
        int sha = off + 8;
        int spa = sha + hln;
        int tha = spa + pln;
        int tpa = tha + hln;
        if (ethIp) {
            long sip = d.u32(spa);
            long tip = d.u32(tpa);
            d.add(SRC_HW_MAC, sha, 6, d.u48(sha));
            d.add(SRC_PROTO_IPV4, spa, 4, sip);
            d.add(DST_HW_MAC, tha, 6, d.u48(tha));
            d.add(DST_PROTO_IPV4, tpa, 4, tip);
            if (sip == tip && sip != 0) {
                d.addGenerated(ISGRATUITOUS, 1);
                if (op == 1 && d.u48(tha) == 0) {
                    d.addGenerated(ISANNOUNCEMENT, 1);
                }
            } else if (op == 1 && sip == 0) {
                d.addGenerated(ISPROBE, 1);
            }
        }
    }

    static String opcodeName(long op) {
        return switch ((int) op) {
            case 1 -> "request";
            case 2 -> "reply";
            case 3 -> "reverse request";
            case 4 -> "reverse reply";
            case 8 -> "inverse request";
            case 9 -> "inverse reply";
            default -> null;
        };
    }
}
