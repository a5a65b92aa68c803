package org.tunnellens.dissect;

/** MPLS label stack entries up to the bottom of stack, then IPv4 or IPv6 by the first nibble. */
public final class Mpls implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("mpls", "MultiProtocol Label Switching Header");
    public static final FieldDef LABEL = FieldRegistry.uint("mpls.label", "MPLS Label");
    public static final FieldDef TTL = FieldRegistry.uint("mpls.ttl", "MPLS TTL");
    static final Mpls INSTANCE = new Mpls();

    @Override
    public void decode(Dissection d, int off, int end) {
        int p = off;
        int occ = d.beginLayer(PROTO, off, 0);
        for (int i = 0; i < 16; i++) {
            if (end - p < 4) {
                d.flag(occ, Dissection.FLAG_MALFORMED);
                return;
            }
            long e = d.u32(p);
            d.add(LABEL, p, 3, e >>> 12);
            d.add(TTL, p + 3, 1, e & 0xff);
            p += 4;
            if ((e & 0x100) != 0) {
                break;
            }
        }
        d.setLength(occ, p - off);
        d.then(RawIp.INSTANCE, p, end);
    }
}
