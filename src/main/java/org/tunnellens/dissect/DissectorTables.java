package org.tunnellens.dissect;

/**
 * Wireshark's dissector tables: which decoder takes an ethertype, an IP protocol number, a UDP or TCP port.
 * {@link #withDecodeAs} gives a copy with user overrides ("Decode As", {@code -d udp.port==N,vxlan}).
 */
public final class DissectorTables {
    final LayerDecoder[] ethertype = new LayerDecoder[65536];
    final LayerDecoder[] ipProto = new LayerDecoder[256];
    final LayerDecoder[] udpPort = new LayerDecoder[65536];
    final LayerDecoder[] tcpPort = new LayerDecoder[65536];
    /** Try the VXLAN heuristic on UDP ports no table claims (our addition; tshark has none). */
    boolean vxlanHeuristic = true;
    /** tshark's udp.try_heuristic_first preference: heuristics before the port table. */
    boolean udpHeuristicsFirst;
    /**
     * Wireshark's tcp.check_checksum / udp.check_checksum, off by default there too: with segmentation offload
     * most captured checksums are wrong anyway, and summing every payload byte costs more than all the rest.
     */
    boolean verifyTransportChecksums;

    DissectorTables() {
    }

    DissectorTables copy() {
        DissectorTables t = new DissectorTables();
        System.arraycopy(ethertype, 0, t.ethertype, 0, ethertype.length);
        System.arraycopy(ipProto, 0, t.ipProto, 0, ipProto.length);
        System.arraycopy(udpPort, 0, t.udpPort, 0, udpPort.length);
        System.arraycopy(tcpPort, 0, t.tcpPort, 0, tcpPort.length);
        t.vxlanHeuristic = vxlanHeuristic;
        t.udpHeuristicsFirst = udpHeuristicsFirst;
        t.verifyTransportChecksums = verifyTransportChecksums;
        return t;
    }

    /** The default tables, as Wireshark's current source registers them (VXLAN on 4789 and 8472). */
    public static DissectorTables defaults() {
        return Protocols.defaultTables();
    }

    /**
     * A copy with one tshark-style decode-as rule applied: {@code udp.port==8473,vxlan}. Throws
     * IllegalArgumentException with a readable message on a malformed rule or unknown protocol.
     */
    public DissectorTables withDecodeAs(String rule) {
        String r = rule.replace(" ", "");
        int eq = r.indexOf("==");
        int comma = r.lastIndexOf(',');
        if (eq < 0 || comma < eq) {
            throw new IllegalArgumentException("decode-as rule \"" + rule + "\" is not of the form udp.port==N,protocol");
        }
        String table = r.substring(0, eq);
        String proto = r.substring(comma + 1);
        int port;
        try {
            port = Integer.parseInt(r.substring(eq + 2, comma));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("decode-as rule \"" + rule + "\": \"" + r.substring(eq + 2, comma)
                    + "\" is not a port number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("decode-as rule \"" + rule + "\": port out of range");
        }
        LayerDecoder dec = Protocols.decoderByName(proto);
        if (dec == null) {
            throw new IllegalArgumentException("decode-as rule \"" + rule + "\": unknown protocol \"" + proto + "\"");
        }
        DissectorTables t = copy();
        switch (table) {
            case "udp.port" -> t.udpPort[port] = dec;
            case "tcp.port" -> t.tcpPort[port] = dec;
            default -> throw new IllegalArgumentException("decode-as rule \"" + rule + "\": table \"" + table
                    + "\" is not supported (udp.port or tcp.port)");
        }
        return t;
    }

    public DissectorTables withVxlanHeuristic(boolean on) {
        DissectorTables t = copy();
        t.vxlanHeuristic = on;
        return t;
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

    /** As tshark's {@code -o udp.try_heuristic_first:TRUE}. */
    public DissectorTables withUdpHeuristicsFirst(boolean on) {
        DissectorTables t = copy();
        t.udpHeuristicsFirst = on;
        return t;
    }

    /**
     * A copy with one tshark-style preference ({@code -o name:value}) applied. Preferences TunnelLens has no
     * use for are accepted and ignored, so a student's tshark command line works unchanged.
     */
    public DissectorTables withPreference(String name, String value) {
        boolean on = value.equalsIgnoreCase("TRUE");
        return switch (name) {
            case "udp.try_heuristic_first" -> withUdpHeuristicsFirst(on);
            case "tcp.check_checksum", "udp.check_checksum" -> withTransportChecksums(on);
            default -> this;
        };
    }

    public DissectorTables withTransportChecksums(boolean on) {
        DissectorTables t = copy();
        t.verifyTransportChecksums = on;
        return t;
    }

    public boolean verifyTransportChecksums() {
        return verifyTransportChecksums;
    }

    public boolean udpHeuristicsFirst() {
        return udpHeuristicsFirst;
    }

    public boolean vxlanHeuristic() {
        return vxlanHeuristic;
    }
}
