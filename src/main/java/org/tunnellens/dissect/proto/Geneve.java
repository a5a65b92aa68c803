package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;

/** Geneve (RFC 8926) on UDP 6081: VNI, options skipped, payload by its protocol type. */
public final class Geneve extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("geneve", "Generic Network Virtualization Encapsulation");
    public static final FieldDef VERSION = F.uint("geneve.version", "Version");
    public static final FieldDef OPT_LEN = F.uint("geneve.option_len", "Options Length");
    public static final FieldDef FLAGS = F.hex("geneve.flags", "Flags", 8);
    public static final FieldDef PROTO_TYPE = F.hex("geneve.proto_type", "Protocol Type", 16,
            EtherTypes::name);
    public static final FieldDef VNI = F.hex("geneve.vni", "Virtual Network Identifier (VNI)", 24);
    public static final FieldDef OPTIONS = F.bytes("geneve.options", "Options");
    public static final Geneve INSTANCE = new Geneve();

    private Geneve() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.udpPort(6081, this);
        h.decodeAs("geneve", this);
    }

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
