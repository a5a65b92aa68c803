package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;

/** VXLAN Generic Protocol Extension on UDP 4790: like VXLAN but with a next-protocol byte (IPv4, IPv6, Ethernet, NSH). */
public final class VxlanGpe extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("vxlan-gpe", "VXLAN Generic Protocol Extension");
    public static final FieldDef FLAGS = F.hex("vxlan-gpe.flags", "Flags", 8);
    public static final FieldDef NEXT_PROTO = F.uint("vxlan-gpe.next_proto", "Next Protocol");
    /** Wireshark decodes VXLAN-GPE with its VXLAN dissector, so the VNI is the same {@code vxlan.vni} field. */
    public static final FieldDef VNI = Vxlan.VNI;
    public static final VxlanGpe INSTANCE = new VxlanGpe();

    private VxlanGpe() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.udpPort(4790, this);
        h.decodeAs("vxlan-gpe", this);
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 8) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int occ = d.beginLayer(PROTO, off, 8);
        d.omitFromProtocols(occ); // tshark 4.0 lists only what VXLAN-GPE carries in frame.protocols
        d.add(FLAGS, off, 1, d.u8(off));
        int next = d.u8(off + 3);
        d.add(NEXT_PROTO, off + 3, 1, next);
        d.add(VNI, off + 4, 3, d.u24(off + 4));
        int ethertype = switch (next) {
            case 1 -> 0x0800;
            case 2 -> 0x86dd;
            case 3 -> 0x6558;
            case 4 -> 0x894f;
            default -> -1;
        };
        if (ethertype < 0) {
            d.then(Data.INSTANCE, off + 8, end);
            return;
        }
        Tunnels.carry(d, ethertype, off + 8, end);
    }
}
