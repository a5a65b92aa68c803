package org.tunnellens.dissect;

/** Wireshark's "[Malformed Packet]" / "[Packet size limited during capture]" marker for a layer cut short. */
public final class Malformed {
    public static final FieldDef PROTO = FieldRegistry.protocol("_ws.malformed", "Malformed Packet");
    public static final FieldDef SHORT = FieldRegistry.protocol("_ws.short", "Packet size limited during capture");

    private Malformed() {
    }

    /** Opens the layer that could not be read and flags it; reading of this packet stops here. */
    static void mark(Dissection d, FieldDef protocol, int off, int end) {
        int occ = d.beginLayer(protocol, off, Math.max(0, end - off));
        boolean cut = d.capturedLength() < d.originalLength() && end >= d.capturedLength();
        d.flag(occ, cut ? Dissection.FLAG_TRUNCATED : Dissection.FLAG_MALFORMED);
    }
}
