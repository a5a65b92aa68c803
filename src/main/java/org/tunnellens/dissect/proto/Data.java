package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Protocol;

/** Bytes no decoder claimed; tshark's "data" protocol, which ends {@code frame.protocols} where it stops decoding. */
public final class Data extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("data", "Data");
    public static final FieldDef DATA = F.bytes("data.data", "Data");
    public static final FieldDef LEN = F.uint("data.len", "Length");
    public static final Data INSTANCE = new Data();

    private Data() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.decodeAs("data", this);
    }

    /** Undecoded bytes never name the Protocol column: the layer around them does. */
    @Override
    public String columnName(Dissection d, int occ) {
        return null;
    }

    @Override
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        sb.append("Data (").append(d.length(occ)).append(" bytes)");
    }

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
