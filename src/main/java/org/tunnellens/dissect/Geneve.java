package org.tunnellens.dissect;

/** Geneve (RFC 8926) on UDP 6081: VNI, options skipped, payload by its protocol type. */
public final class Geneve implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("geneve", "Generic Network Virtualization Encapsulation");
    public static final FieldDef VERSION = FieldRegistry.uint("geneve.version", "Version");
    public static final FieldDef OPT_LEN = FieldRegistry.uint("geneve.option_len", "Options Length");
    public static final FieldDef FLAGS = FieldRegistry.hex("geneve.flags", "Flags", 8);
    public static final FieldDef PROTO_TYPE = FieldRegistry.hex("geneve.proto_type", "Protocol Type", 16,
            EtherTypes::name);
    public static final FieldDef VNI = FieldRegistry.hex("geneve.vni", "Virtual Network Identifier (VNI)", 24);
    public static final FieldDef OPTIONS = FieldRegistry.bytes("geneve.options", "Options");
    static final Geneve INSTANCE = new Geneve();

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 8) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int optLen = (d.u8(off) & 0x3f) * 4;
        int occ = d.beginLayer(PROTO, off, 8);
        d.add(VERSION, off, 1, d.u8(off) >>> 6);
        d.add(OPT_LEN, off, 1, optLen);
        d.add(FLAGS, off + 1, 1, d.u8(off + 1));
        int type = d.u16(off + 2);
        d.add(PROTO_TYPE, off + 2, 2, type);
        d.add(VNI, off + 4, 3, d.u24(off + 4));
        if (off + 8 + optLen > end) {
            d.flag(occ, Dissection.FLAG_MALFORMED);
            return;
        }
        if (optLen > 0) {
            d.add(OPTIONS, off + 8, optLen, 0);
        }
        d.setLength(occ, 8 + optLen);
        Tunnels.carry(d, type, off + 8 + optLen, end);
    }
}
