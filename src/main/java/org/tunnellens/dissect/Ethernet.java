package org.tunnellens.dissect;

/** Ethernet II and IEEE 802.3 (length field, LLC follows). */
public final class Ethernet implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("eth", "Ethernet II");
    public static final FieldDef DST = FieldRegistry.ether("eth.dst", "Destination");
    public static final FieldDef SRC = FieldRegistry.ether("eth.src", "Source");
    /** Source or destination: Wireshark's filter pseudo-field. */
    public static final FieldDef ADDR = FieldRegistry.ether("eth.addr", "Address");
    public static final FieldDef TYPE = FieldRegistry.hex("eth.type", "Type", 16, EtherTypes::name);
    public static final FieldDef LEN = FieldRegistry.uint("eth.len", "Length");
    public static final FieldDef PADDING = FieldRegistry.bytes("eth.padding", "Padding");
    public static final FieldDef TRAILER = FieldRegistry.bytes("eth.trailer", "Trailer");
    public static final FieldDef IG = FieldRegistry.flag("eth.ig", "IG bit (group address)");
    static final Ethernet INSTANCE = new Ethernet();

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 14) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int occ = d.beginLayer(PROTO, off, 14);
        d.add(DST, off, 6, d.u48(off));
        d.add(SRC, off + 6, 6, d.u48(off + 6));
        int type = d.u16(off + 12);
        if (type <= 1500) {
            d.add(LEN, off + 12, 2, type);
            d.then(Llc.INSTANCE, off + 14, Math.min(end, off + 14 + type));
            return;
        }
        d.add(TYPE, off + 12, 2, type);
        EtherTypes.dispatch(d, type, off + 14, end);
        d.setLength(occ, 14);
    }
}
