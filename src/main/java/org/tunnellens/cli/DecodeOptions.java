package org.tunnellens.cli;

import java.util.ArrayList;
import java.util.List;
import org.tunnellens.dissect.DecodeConfig;
import org.tunnellens.dissect.proto.Vxlan;
import picocli.CommandLine.Option;

/**
 * tshark's decoding flags, shared by every command that dissects ({@code packets}, {@code stats}, {@code correlate},
 * {@code vni-map}, {@code vrrp}, {@code lvs}), so a lab's VXLAN on an odd port is found alike everywhere.
 */
public final class DecodeOptions {
    @Option(names = "-d", paramLabel = "RULE",
            description = "decode as, tshark's syntax: udp.port==8473,vxlan (ranges 8000-8010; tcp.port, ethertype, "
                    + "ip.proto too); 4789 and 8472 need none. Repeatable")
    List<String> decodeAs = new ArrayList<>();

    @Option(names = "-o", paramLabel = "NAME:VALUE",
            description = "preference, as tshark's: tcp.check_checksum:TRUE, udp.try_heuristic_first:TRUE "
                    + "(others are accepted and ignored). Repeatable")
    List<String> preferences = new ArrayList<>();

    @Option(names = "--enable-heuristic", paramLabel = "NAME", description = "switch a heuristic on (vxlan_udp, dns_udp, http_tcp)")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable-heuristic", paramLabel = "NAME", description = "switch a heuristic off")
    List<String> disable = new ArrayList<>();

    @Option(names = "--no-vxlan-heuristic", description = "do not look for VXLAN on ports other than 4789 and 8472 "
            + "(same as --disable-heuristic vxlan_udp)")
    boolean noVxlanHeuristic;

    /** The configuration these flags describe; a bad rule throws IllegalArgumentException with a readable text. */
    public DecodeConfig config() {
        DecodeConfig c = DecodeConfig.defaults();
        for (String rule : decodeAs) {
            c = c.withDecodeAs(rule);
        }
        for (String pref : preferences) {
            if (!pref.contains(":")) {
                throw new IllegalArgumentException("invalid -o flag \"" + pref + "\" (expected name:value)");
            }
            c = c.withPreference(pref);
        }
        for (String name : enable) {
            c = c.withHeuristic(name, true);
        }
        for (String name : disable) {
            c = c.withHeuristic(name, false);
        }
        if (noVxlanHeuristic) {
            c = c.withHeuristic(Vxlan.HEURISTIC_NAME, false);
        }
        return c;
    }
}
