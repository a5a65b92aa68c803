package org.tunnellens.dissect;

/** Bytes no decoder claimed; tshark's "data" protocol, which ends {@code frame.protocols} where it stops decoding. */
public final class Data implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("data", "Data");
    public static final FieldDef DATA = FieldRegistry.bytes("data.data", "Data");
    public static final FieldDef LEN = FieldRegistry.uint("data.len", "Length");
    static final Data INSTANCE = new Data();

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end <= off) {
            return;
        }
        d.beginLayer(PROTO, off, end - off);
        d.add(DATA, off, end - off, 0);
        d.addGenerated(LEN, end - off);
    }
}
