package org.tunnellens.dissect;

/** Wireshark's "[Malformed Packet]" / "[Packet size limited during capture]" marker for a layer cut short. */
public final class Malformed extends Protocol {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("_ws.malformed", "Malformed Packet");
    public static final FieldDef SHORT = F.protocol("_ws.short", "Packet size limited during capture");
    public static final Malformed INSTANCE = new Malformed();

    private Malformed() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    /** The marker never names the Protocol column: the layer that was cut short does. */
    @Override
    public String columnName(Dissection d, int occ) {
        return null;
    }

    @Override
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        sb.append('[').append(d.field(occ).label()).append(']');
    }

    /**
     * Why a layer ending at {@code end} is short: the capture's snaplen cut it (Wireshark's "[Packet size limited
     * during capture]") or a length field of an enclosing layer leaves it too little room ("[Malformed Packet]").
     */
    public static int cutFlag(Dissection d, int end) {
        return d.capturedLength() < d.originalLength() && end >= d.capturedLength()
                ? Dissection.FLAG_TRUNCATED : Dissection.FLAG_MALFORMED;
    }

    /** Opens the layer that could not be read and flags it; reading of this packet stops here. */
    public static void mark(Dissection d, FieldDef protocol, int off, int end) {
        int occ = d.beginLayer(protocol, off, Math.max(0, end - off));
        d.flag(occ, cutFlag(d, end));
    }
}
