package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;

/** Network Service Header (RFC 8300): service path and index, then the carried packet. */
public final class Nsh extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("nsh", "Network Service Header");
    public static final FieldDef LENGTH = F.uint("nsh.length", "Length");
    public static final FieldDef MD_TYPE = F.uint("nsh.mdtype", "MD Type");
    public static final FieldDef NEXT_PROTO = F.uint("nsh.nextproto", "Next Protocol");
    public static final FieldDef SPI = F.uint("nsh.spi", "Service Path Identifier");
    public static final FieldDef SI = F.uint("nsh.si", "Service Index");
    public static final Nsh INSTANCE = new Nsh();

    private Nsh() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ethertype(0x894f, this);
        h.decodeAs("nsh", this);
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 8) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int len = (d.u16(off) & 0x3f) * 4;
        int occ = d.beginLayer(PROTO, off, 8);
        d.add(LENGTH, off, 2, len);
        d.add(MD_TYPE, off + 2, 1, d.u8(off + 2) & 0x0f);
        int next = d.u8(off + 3);
        d.add(NEXT_PROTO, off + 3, 1, next);
        d.add(SPI, off + 4, 3, d.u24(off + 4));
        d.add(SI, off + 7, 1, d.u8(off + 7));
        if (len < 8 || off + len > end) {
            d.flag(occ, Dissection.FLAG_MALFORMED);
            return;
        }
        d.setLength(occ, len);
        LayerDecoder dec = switch (next) {
            case 1 -> Ipv4.INSTANCE;
            case 2 -> Ipv6.INSTANCE;
            case 3 -> Ethernet.INSTANCE;
            default -> Data.INSTANCE;
        };
        d.then(dec, off + len, end);
    }
}
