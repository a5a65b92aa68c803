package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.column.FieldFormatter;

/** IGMP (RFC 2236 / 3376), named and its group address read. */
public final class Igmp extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("igmp", "Internet Group Management Protocol");
    public static final FieldDef TYPE = F.hex("igmp.type", "Type", 8);
    public static final FieldDef MAX_RESP = F.uint("igmp.max_resp", "Max Resp Time");
    public static final FieldDef CHECKSUM = F.hex("igmp.checksum", "Checksum", 16);
    public static final FieldDef MADDR = F.ipv4("igmp.maddr", "Multicast Address");
    public static final FieldDef VERSION = F.uint("igmp.version", "IGMP Version");
    public static final FieldDef NUM_GRP_RECS = F.uint("igmp.num_grp_recs", "Num Group Records");
    public static final FieldDef RECORD_TYPE = F.uint("igmp.record_type", "Record Type", Igmp::recordName);
    public static final FieldDef NUM_SRC = F.uint("igmp.num_src", "Num Src");
    /** A report lists at most this many group records before decoding gives up on it. */
    private static final int MAX_RECORDS = 64;
    public static final Igmp INSTANCE = new Igmp();

    private Igmp() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ipProtocol(2, this);
    }

    /** As Wireshark's IGMP dissector words it (RFC 2236 messages and RFC 3376 group records). */
    @Override
    public boolean appendInfo(Dissection d, int occ, PassResults pass, StringBuilder sb) {
        if (d.length(occ) == 0) {
            return false; // the empty repeated item; its fields follow the first one
        }
        int type = (int) d.value(d.next(TYPE, occ));
        int group = d.next(MADDR, occ);
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
                for (int r = d.next(RECORD_TYPE, occ); r >= 0; r = d.next(RECORD_TYPE, r)) {
                    int rt = (int) d.value(r);
                    long nsrc = d.value(d.next(NUM_SRC, r));
                    String g = FieldFormatter.ipv4(d.value(d.next(MADDR, r)));
                    sb.append(" / ");
                    if (rt == 4 && nsrc == 0) {
                        sb.append("Join group ").append(g).append(" for any sources");
                    } else if (rt == 3 && nsrc == 0) {
                        sb.append("Leave group ").append(g);
                    } else {
                        String name = recordName(rt);
                        sb.append(name != null ? name : "Record type " + rt).append(" group ").append(g);
                    }
                }
            }
            default -> sb.append("Unknown Type:0x").append(Integer.toHexString(type));
        }
        return true;
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 8) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        d.beginLayer(PROTO, off, end - off);
        // tshark's IGMP dissector hands each version to a sub-dissector that adds the protocol item again,
        // so frame.protocols reads "igmp:igmp"; an empty second layer reproduces that
        d.beginLayer(PROTO, off, 0);
        int type = d.u8(off);
        int version = switch (type) {
            case 0x11 -> end - off >= 12 ? 3 : d.u8(off + 1) == 0 ? 1 : 2;
            case 0x12 -> 1;
            case 0x22 -> 3;
            default -> 2;
        };
        d.addGenerated(VERSION, version);
        d.add(TYPE, off, 1, type);
        d.add(MAX_RESP, off + 1, 1, d.u8(off + 1));
        d.add(CHECKSUM, off + 2, 2, d.u16(off + 2));
        if (type != 0x22) {
            d.add(MADDR, off + 4, 4, d.u32(off + 4));
            return;
        }
        // RFC 3376 §4.2: a version 3 report is a list of group records, each naming a group and its sources
        int records = d.u16(off + 6);
        d.add(NUM_GRP_RECS, off + 6, 2, records);
        int p = off + 8;
        for (int i = 0; i < Math.min(records, MAX_RECORDS) && p + 8 <= end; i++) {
            int nsrc = d.u16(p + 2);
            d.add(RECORD_TYPE, p, 1, d.u8(p));
            d.add(NUM_SRC, p + 2, 2, nsrc);
            d.add(MADDR, p + 4, 4, d.u32(p + 4));
            p += 8 + 4 * nsrc + 4 * d.u8(p + 1);
        }
    }

    static String recordName(long t) {
        return switch ((int) t) {
            case 1 -> "Mode Is Include";
            case 2 -> "Mode Is Exclude";
            case 3 -> "Change To Include Mode";
            case 4 -> "Change To Exclude Mode";
            case 5 -> "Allow New Sources";
            case 6 -> "Block Old Sources";
            default -> null;
        };
    }
}
