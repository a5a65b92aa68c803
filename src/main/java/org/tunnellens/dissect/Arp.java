package org.tunnellens.dissect;

/** ARP (RFC 826), including gratuitous ARP and ARP announcements as Wireshark flags them. */
public final class Arp implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("arp", "Address Resolution Protocol");
    public static final FieldDef HW_TYPE = FieldRegistry.uint("arp.hw.type", "Hardware type",
            t -> t == 1 ? "Ethernet" : t == 6 ? "IEEE 802" : null);
    public static final FieldDef PROTO_TYPE = FieldRegistry.hex("arp.proto.type", "Protocol type", 16,
            EtherTypes::name);
    public static final FieldDef HW_SIZE = FieldRegistry.uint("arp.hw.size", "Hardware size");
    public static final FieldDef PROTO_SIZE = FieldRegistry.uint("arp.proto.size", "Protocol size");
    public static final FieldDef OPCODE = FieldRegistry.uint("arp.opcode", "Opcode", Arp::opcodeName);
    public static final FieldDef SRC_HW_MAC = FieldRegistry.ether("arp.src.hw_mac", "Sender MAC address");
    public static final FieldDef SRC_PROTO_IPV4 = FieldRegistry.ipv4("arp.src.proto_ipv4", "Sender IP address");
    public static final FieldDef DST_HW_MAC = FieldRegistry.ether("arp.dst.hw_mac", "Target MAC address");
    public static final FieldDef DST_PROTO_IPV4 = FieldRegistry.ipv4("arp.dst.proto_ipv4", "Target IP address");
    public static final FieldDef ISGRATUITOUS = FieldRegistry.flag("arp.isgratuitous", "Is gratuitous");
    public static final FieldDef ISANNOUNCEMENT = FieldRegistry.flag("arp.isannouncement", "Is announcement");
    public static final FieldDef ISPROBE = FieldRegistry.flag("arp.isprobe", "Is probe");
    static final Arp INSTANCE = new Arp();

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
