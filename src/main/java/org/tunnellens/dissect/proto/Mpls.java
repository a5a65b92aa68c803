package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Protocol;

/** MPLS label stack entries up to the bottom of stack, then IPv4 or IPv6 by the first nibble. */
public final class Mpls extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("mpls", "MultiProtocol Label Switching Header");
    public static final FieldDef LABEL = F.uint("mpls.label", "MPLS Label");
    public static final FieldDef TTL = F.uint("mpls.ttl", "MPLS TTL");
    public static final Mpls INSTANCE = new Mpls();

    private Mpls() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ethertype(0x8847, this);
    }

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
