package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.LayerDecoder;

/** Hands a tunnel's payload, named by an ethertype, to its decoder one tunnel level deeper. */
final class Tunnels {
    private Tunnels() {
    }

    static void carry(Dissection d, int ethertype, int off, int end) {
        if (end <= off || d.depth() >= Vxlan.MAX_TUNNEL_DEPTH) {
            return;
        }
        LayerDecoder next = ethertype == 0x6558 ? Ethernet.INSTANCE : d.tables().ethertype(ethertype);
        d.enterTunnel();
        d.then(next != null ? next : Data.INSTANCE, off, end);
    }
}
