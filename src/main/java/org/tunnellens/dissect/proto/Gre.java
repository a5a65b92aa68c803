package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;

/** GRE (RFC 2784/2890) and the enhanced GRE of PPTP (RFC 2637); payload by its protocol type. */
public final class Gre extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("gre", "Generic Routing Encapsulation");
    public static final FieldDef FLAGS = F.hex("gre.flags_and_version", "Flags and Version", 16);
    public static final FieldDef PROTO_TYPE = F.hex("gre.proto", "Protocol Type", 16, EtherTypes::name);
    public static final FieldDef KEY = F.hex("gre.key", "Key", 32);
    public static final FieldDef SEQ = F.uint("gre.sequence_number", "Sequence Number");
    public static final Gre INSTANCE = new Gre();

    private Gre() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ipProtocol(47, this);
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 4) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int fv = d.u16(off);
        int type = d.u16(off + 2);
        int len = 4 + ((fv & 0x8000) != 0 ? 4 : 0) + ((fv & 0x2000) != 0 ? 4 : 0) + ((fv & 0x1000) != 0 ? 4 : 0)
                + ((fv & 7) == 1 && (fv & 0x0080) != 0 ? 4 : 0);
        int occ = d.beginLayer(PROTO, off, Math.min(len, end - off));
        d.add(FLAGS, off, 2, fv);
        d.add(PROTO_TYPE, off + 2, 2, type);
        if (off + len > end) {
            d.flag(occ, Dissection.FLAG_MALFORMED);
            return;
        }
        int p = off + 4 + ((fv & 0x8000) != 0 ? 4 : 0);
        if ((fv & 0x2000) != 0) {
            d.add(KEY, p, 4, d.u32(p));
            p += 4;
        }
        if ((fv & 0x1000) != 0) {
            d.add(SEQ, p, 4, d.u32(p));
        }
        LayerDecoder next = switch (type) {
            case 0x88be, 0x22eb -> Erspan.INSTANCE;
            case 0x880b -> Ppp.INSTANCE;
            case 0x6558 -> Ethernet.INSTANCE;
            default -> d.tables().ethertype(type);
        };
        if (off + len < end && d.depth() < Vxlan.MAX_TUNNEL_DEPTH) {
            d.enterTunnel();
            d.then(next != null ? next : Data.INSTANCE, off + len, end);
        }
    }
}
