package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Protocol;

/** Teredo (RFC 4380) on UDP 3544: IPv6 in UDP, after optional authentication and origin indicators. */
public final class Teredo extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("teredo", "Teredo IPv6 over UDP tunneling");
    public static final Teredo INSTANCE = new Teredo();

    private Teredo() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.udpPort(3544, this);
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        int p = off;
        if (end - p >= 4 && d.u16(p) == 0x0001) {
            p += 4 + d.u8(p + 2) + d.u8(p + 3) + 9;
        }
        if (end - p >= 8 && d.u16(p) == 0x0000) {
            p += 8;
        }
        d.beginLayer(PROTO, off, Math.max(0, p - off));
        if (p < end && (d.u8(p) >>> 4) == 6 && d.depth() < Vxlan.MAX_TUNNEL_DEPTH) {
            d.enterTunnel();
            d.then(Ipv6.INSTANCE, p, end);
        }
    }
}
