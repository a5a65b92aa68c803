package org.tunnellens.dissect;

import java.util.ArrayList;

/**
 * What a protocol's {@link Protocol#register} may say about where it hangs, as Wireshark's
 * {@code dissector_add_uint("udp.port", 4789, vxlan_handle)} and {@code heur_dissector_add} do.
 */
public final class Handoffs {
    private final DissectorTables t;

    Handoffs(DissectorTables t) {
        this.t = t;
    }

    public void linkType(int linkType, LayerDecoder decoder) {
        t.linkTypes.put(linkType, decoder);
    }

    public void ethertype(int type, LayerDecoder decoder) {
        t.ethertype[type] = decoder;
    }

    /** With the name Ethernet's type field shows for it, for a type Ethernet's own list does not name. */
    public void ethertype(int type, String name, LayerDecoder decoder) {
        t.ethertype[type] = decoder;
        t.ethertypeNames.put(type, name);
    }

    public void ipProtocol(int proto, LayerDecoder decoder) {
        t.ipProto[proto] = decoder;
    }

    public void udpPort(int port, LayerDecoder decoder) {
        t.udpPort[port] = decoder;
    }

    public void tcpPort(int port, LayerDecoder decoder) {
        t.tcpPort[port] = decoder;
    }

    /** A heuristic on a parent's payload ({@code "udp"}, {@code "tcp"}), on by default, by tshark's short name. */
    public void heuristic(String table, String name, String label, Heuristic test, LayerDecoder decoder) {
        t.heuristics.computeIfAbsent(table, k -> new ArrayList<>())
                .add(new DissectorTables.HeuristicEntry(table, name, label, test, decoder, true));
    }

    /** The name {@code -d udp.port==N,name} and the Decode As dialog use for this decoder. */
    public void decodeAs(String name, LayerDecoder decoder) {
        t.byName.put(name, decoder);
    }
}
