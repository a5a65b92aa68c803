package org.tunnellens.dissect;

/** IGMP (RFC 2236 / 3376), named and its group address read. */
public final class Igmp implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("igmp", "Internet Group Management Protocol");
    public static final FieldDef TYPE = FieldRegistry.hex("igmp.type", "Type", 8);
    public static final FieldDef MAX_RESP = FieldRegistry.uint("igmp.max_resp", "Max Resp Time");
    public static final FieldDef CHECKSUM = FieldRegistry.hex("igmp.checksum", "Checksum", 16);
    public static final FieldDef MADDR = FieldRegistry.ipv4("igmp.maddr", "Multicast Address");
    public static final FieldDef VERSION = FieldRegistry.uint("igmp.version", "IGMP Version");
    public static final FieldDef NUM_GRP_RECS = FieldRegistry.uint("igmp.num_grp_recs", "Num Group Records");
    public static final FieldDef RECORD_TYPE = FieldRegistry.uint("igmp.record_type", "Record Type", Igmp::recordName);
    public static final FieldDef NUM_SRC = FieldRegistry.uint("igmp.num_src", "Num Src");
    /** A report lists at most this many group records before decoding gives up on it. */
    private static final int MAX_RECORDS = 64;
    static final Igmp INSTANCE = new Igmp();

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
