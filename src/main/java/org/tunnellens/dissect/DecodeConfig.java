package org.tunnellens.dissect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How packets are decoded, in one place: the user's "Decode As" rules ({@code -d}), preferences ({@code -o}) and
 * heuristics switched on or off ({@code --enable-heuristic}/{@code --disable-heuristic}). Every command and the app
 * build their dissectors from one of these, so a lab's VXLAN on an odd port is decoded alike everywhere.
 * Immutable; the tables it derives are built once.
 */
public final class DecodeConfig {
    private static final DecodeConfig DEFAULTS = new DecodeConfig(List.of(), Map.of(), Map.of());

    /** The preferences TunnelLens acts on; other tshark preferences are accepted and ignored. */
    public static final List<String> KNOWN_PREFERENCES = List.of("udp.try_heuristic_first", "tcp.check_checksum",
            "udp.check_checksum");

    private final List<DecodeAsRule> rules;
    private final Map<String, String> preferences;
    private final Map<String, Boolean> heuristics;
    private volatile DissectorTables tables;

    private DecodeConfig(List<DecodeAsRule> rules, Map<String, String> preferences, Map<String, Boolean> heuristics) {
        this.rules = List.copyOf(rules);
        this.preferences = Collections.unmodifiableMap(new LinkedHashMap<>(preferences));
        this.heuristics = Collections.unmodifiableMap(new LinkedHashMap<>(heuristics));
    }

    public static DecodeConfig defaults() {
        return DEFAULTS;
    }

    /** Adds a rule; a malformed one or an unknown protocol throws IllegalArgumentException with a readable text. */
    public DecodeConfig withDecodeAs(String rule) {
        DecodeAsRule r = DecodeAsRule.parse(rule);
        if (DissectorTables.defaults().decoderNamed(r.protocol()) == null) {
            throw new IllegalArgumentException("decode-as rule \"" + rule + "\": unknown protocol \"" + r.protocol()
                    + "\" (known: " + String.join(", ", DissectorTables.defaults().decodeAsNames()) + ")");
        }
        List<DecodeAsRule> more = new ArrayList<>(rules);
        more.add(r);
        return new DecodeConfig(more, preferences, heuristics);
    }

    /** A tshark {@code -o name:value} preference. */
    public DecodeConfig withPreference(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(preferences);
        more.put(name, value);
        return new DecodeConfig(rules, more, heuristics);
    }

    /** Parses {@code name:value} as tshark's {@code -o} takes it. */
    public DecodeConfig withPreference(String nameColonValue) {
        int colon = nameColonValue.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("preference \"" + nameColonValue + "\" is not of the form name:value");
        }
        return withPreference(nameColonValue.substring(0, colon), nameColonValue.substring(colon + 1));
    }

    /** Switches a heuristic by its short name ({@code vxlan_udp}); an unknown name throws. */
    public DecodeConfig withHeuristic(String name, boolean on) {
        boolean known = DissectorTables.defaults().heuristics().stream().anyMatch(h -> h.name().equals(name));
        if (!known) {
            throw new IllegalArgumentException("no heuristic is called \"" + name + "\" (known: "
                    + String.join(", ", DissectorTables.defaults().heuristics().stream()
                    .map(DissectorTables.HeuristicEntry::name).toList()) + ")");
        }
        Map<String, Boolean> more = new LinkedHashMap<>(heuristics);
        more.put(name, on);
        return new DecodeConfig(rules, preferences, more);
    }

    public List<DecodeAsRule> decodeAs() {
        return rules;
    }

    public Map<String, String> preferences() {
        return preferences;
    }

    public Map<String, Boolean> heuristics() {
        return heuristics;
    }

    public boolean isDefault() {
        return rules.isEmpty() && preferences.isEmpty() && heuristics.isEmpty();
    }

    /** The dissector tables with every rule applied. */
    public DissectorTables tables() {
        DissectorTables t = tables;
        if (t == null) {
            t = build();
            tables = t;
        }
        return t;
    }

    private DissectorTables build() {
        DissectorTables base = DissectorTables.defaults();
        if (isDefault()) {
            return base;
        }
        DissectorTables t = base.copy();
        for (DecodeAsRule r : rules) {
            LayerDecoder dec = base.decoderNamed(r.protocol());
            for (int v = r.from(); v <= r.to(); v++) {
                switch (r.table()) {
                    case "udp.port" -> t.udpPort[v] = dec;
                    case "tcp.port" -> t.tcpPort[v] = dec;
                    case "ethertype" -> t.ethertype[v] = dec;
                    case "ip.proto" -> t.ipProto[v] = dec;
                    default -> throw new IllegalStateException(r.table());
                }
            }
        }
        preferences.forEach((name, value) -> {
            boolean on = value.equalsIgnoreCase("TRUE");
            switch (name) {
                case "udp.try_heuristic_first" -> t.udpHeuristicsFirst = on;
                case "tcp.check_checksum", "udp.check_checksum" -> t.verifyTransportChecksums = on;
                default -> {
                }
            }
        });
        heuristics.forEach(t::setHeuristic);
        t.seal();
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodeConfig c && rules.equals(c.rules) && preferences.equals(c.preferences)
                && heuristics.equals(c.heuristics);
    }

    @Override
    public int hashCode() {
        return rules.hashCode() * 31 + preferences.hashCode() * 17 + heuristics.hashCode();
    }

    @Override
    public String toString() {
        return "DecodeConfig" + rules + preferences + heuristics;
    }
}
