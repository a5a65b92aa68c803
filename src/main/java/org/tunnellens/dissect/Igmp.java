package org.tunnellens.dissect;

/** IGMP (RFC 2236 / 3376), named and its group address read. */
public final class Igmp implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("igmp", "Internet Group Management Protocol");
    public static final FieldDef TYPE = FieldRegistry.hex("igmp.type", "Type", 8);
    public static final FieldDef MAX_RESP = FieldRegistry.uint("igmp.max_resp", "Max Resp Time");
    public static final FieldDef CHECKSUM = FieldRegistry.hex("igmp.checksum", "Checksum", 16);
    public static final FieldDef MADDR = FieldRegistry.ipv4("igmp.maddr", "Multicast Address");
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
        d.add(TYPE, off, 1, d.u8(off));
        d.add(MAX_RESP, off + 1, 1, d.u8(off + 1));
        d.add(CHECKSUM, off + 2, 2, d.u16(off + 2));
        d.add(MADDR, off + 4, 4, d.u32(off + 4));
    }
}
