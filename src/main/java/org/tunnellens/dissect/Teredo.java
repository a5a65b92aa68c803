package org.tunnellens.dissect;

/** Teredo (RFC 4380) on UDP 3544: IPv6 in UDP, after optional authentication and origin indicators. */
public final class Teredo implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("teredo", "Teredo IPv6 over UDP tunneling");
    static final Teredo INSTANCE = new Teredo();

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
