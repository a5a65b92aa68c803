package org.tunnellens.dissect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wireshark's dissector tables: which decoder takes a link type, an ethertype, an IP protocol number, a UDP or TCP
 * port, and the heuristics tried on payloads no table claims. The protocols fill the default tables through
 * {@link Handoffs}; a {@link DecodeConfig} derives a copy with the user's rules. Read-only once built.
 */
public final class DissectorTables {
    final LayerDecoder[] ethertype = new LayerDecoder[65536];
    final LayerDecoder[] ipProto = new LayerDecoder[256];
    final LayerDecoder[] udpPort = new LayerDecoder[65536];
    final LayerDecoder[] tcpPort = new LayerDecoder[65536];
    final Map<Integer, LayerDecoder> linkTypes = new HashMap<>();
    final Map<Integer, String> ethertypeNames = new HashMap<>();
    /** Names "Decode As" and {@code -d} accept, in registration order. */
    final Map<String, LayerDecoder> byName = new LinkedHashMap<>();
    /** Heuristic lists by parent table ("udp", "tcp"), in registration order. */
    final Map<String, List<HeuristicEntry>> heuristics = new LinkedHashMap<>();
    private HeuristicEntry[] udpHeuristicsOn = new HeuristicEntry[0];
    private HeuristicEntry[] tcpHeuristicsOn = new HeuristicEntry[0];
    /** tshark's udp.try_heuristic_first preference: heuristics before the port table. */
    boolean udpHeuristicsFirst;
    /**
     * Wireshark's tcp.check_checksum / udp.check_checksum, off by default there too: with segmentation offload
     * most captured checksums are wrong anyway, and summing every payload byte costs more than all the rest.
     */
    boolean verifyTransportChecksums;

    /** A heuristic as registered, and whether it is on (Wireshark's "Enabled Protocols" dialog). */
    public record HeuristicEntry(String table, String name, String label, Heuristic test, LayerDecoder decoder,
                                 boolean enabled) {
    }

    DissectorTables() {
    }

    DissectorTables copy() {
        DissectorTables t = new DissectorTables();
        System.arraycopy(ethertype, 0, t.ethertype, 0, ethertype.length);
        System.arraycopy(ipProto, 0, t.ipProto, 0, ipProto.length);
        System.arraycopy(udpPort, 0, t.udpPort, 0, udpPort.length);
        System.arraycopy(tcpPort, 0, t.tcpPort, 0, tcpPort.length);
        t.linkTypes.putAll(linkTypes);
        t.ethertypeNames.putAll(ethertypeNames);
        t.byName.putAll(byName);
        heuristics.forEach((k, v) -> t.heuristics.put(k, new ArrayList<>(v)));
        t.udpHeuristicsFirst = udpHeuristicsFirst;
        t.verifyTransportChecksums = verifyTransportChecksums;
        t.seal();
        return t;
    }

    /** Caches the enabled heuristics of the two tables the decoders ask on every packet. */
    void seal() {
        udpHeuristicsOn = enabled("udp");
        tcpHeuristicsOn = enabled("tcp");
    }

    private HeuristicEntry[] enabled(String table) {
        return heuristics.getOrDefault(table, List.of()).stream().filter(HeuristicEntry::enabled)
                .toArray(HeuristicEntry[]::new);
    }

    void setHeuristic(String name, boolean on) {
        for (List<HeuristicEntry> list : heuristics.values()) {
            list.replaceAll(h -> h.name().equals(name)
                    ? new HeuristicEntry(h.table(), h.name(), h.label(), h.test(), h.decoder(), on) : h);
        }
    }

    /** The default tables, as the protocols register themselves (VXLAN on 4789 and 8472). */
    public static DissectorTables defaults() {
        return Protocols.defaultTables();
    }

    public LayerDecoder udp(int port) {
        return udpPort[port];
    }

    public LayerDecoder tcp(int port) {
        return tcpPort[port];
    }

    public LayerDecoder ethertype(int type) {
        return ethertype[type];
    }

    public LayerDecoder ipProtocol(int proto) {
        return ipProto[proto];
    }

    /** The first decoder for a capture's link type, or null for an unsupported one. */
    public LayerDecoder linkType(int linkType) {
        return linkTypes.get(linkType);
    }

    /** A registered protocol's name for an ethertype ("802.1 Link Layer Discovery Protocol (LLDP)"), or null. */
    public String ethertypeName(int type) {
        return ethertypeNames.get(type);
    }

    /** The decoder "Decode As" knows by this name, or null. */
    public LayerDecoder decoderNamed(String name) {
        return byName.get(name);
    }

    public java.util.Set<String> decodeAsNames() {
        return java.util.Collections.unmodifiableSet(byName.keySet());
    }

    /** Every heuristic with its state. */
    public List<HeuristicEntry> heuristics() {
        List<HeuristicEntry> all = new ArrayList<>();
        heuristics.values().forEach(all::addAll);
        return all;
    }

    /** The decoder of the first enabled UDP heuristic that accepts the payload, or null. */
    public LayerDecoder udpHeuristic(Dissection d, int off, int end) {
        return firstAccepting(udpHeuristicsOn, d, off, end);
    }

    public LayerDecoder tcpHeuristic(Dissection d, int off, int end) {
        return firstAccepting(tcpHeuristicsOn, d, off, end);
    }

    private static LayerDecoder firstAccepting(HeuristicEntry[] list, Dissection d, int off, int end) {
        for (HeuristicEntry h : list) {
            if (h.test().accepts(d, off, end)) {
                return h.decoder();
            }
        }
        return null;
    }

    public boolean heuristicEnabled(String name) {
        for (List<HeuristicEntry> list : heuristics.values()) {
            for (HeuristicEntry h : list) {
                if (h.name().equals(name)) {
                    return h.enabled();
                }
            }
        }
        return false;
    }

    /** Every UDP port the table hands to this decoder. */
    public int[] udpPortsOf(LayerDecoder decoder) {
        return java.util.stream.IntStream.range(0, 65536).filter(p -> udpPort[p] == decoder).toArray();
    }

    public boolean verifyTransportChecksums() {
        return verifyTransportChecksums;
    }

    public boolean udpHeuristicsFirst() {
        return udpHeuristicsFirst;
    }
}
