package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;

/** PPP as PPTP carries it in GRE: optional address/control bytes, then the protocol field. */
public final class Ppp extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("ppp", "Point-to-Point Protocol");
    public static final FieldDef PROTOCOL = F.hex("ppp.protocol", "Protocol", 16);
    public static final FieldDef CCP = F.protocol("ccp", "PPP Compression Control Protocol");
    public static final Ppp INSTANCE = new Ppp();

    private Ppp() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        int p = off;
        if (end - p >= 2 && d.u16(p) == 0xff03) {
            p += 2;
        }
        if (end - p < 1) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int proto;
        int len;
        if ((d.u8(p) & 1) == 1) {
            proto = d.u8(p);
            len = 1;
        } else if (end - p >= 2) {
            proto = d.u16(p);
            len = 2;
        } else {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        d.beginLayer(PROTO, off, p + len - off);
        d.add(PROTOCOL, p, len, proto);
        int next = p + len;
        switch (proto) {
            case 0x21 -> d.then(Ipv4.INSTANCE, next, end);
            case 0x57 -> d.then(Ipv6.INSTANCE, next, end);
            case 0x80fd -> d.beginLayer(CCP, next, end - next);
            default -> d.then(Data.INSTANCE, next, end);
        }
    }
}
