package org.tunnellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One decode configuration for every command: the same -d / --disable-heuristic flags take VXLAN away in packets,
 * stats, correlate, vni-map, vrrp and lvs alike, and a rule that does not read is refused alike.
 */
class DecodeOptionsCommandTest {
    private static final String VXLAN = "samples/corpus/vxlan-4789.pcap";
    private static final String[] NO_VXLAN = {"-d", "udp.port==4789,data", "--disable-heuristic", "vxlan_udp"};

    private static String[] withFlags(String[] flags, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(flags));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"packets", "stats", "correlate", "vni-map", "vrrp", "lvs"})
    void everyCommandHonoursTheDecodeFlags(String command) {
        String[] plain = args(command);
        String[] r = CliRun.codeAndOutput(plain);
        String[] without = CliRun.codeAndOutput(withFlags(NO_VXLAN, plain));
        assertThat(r[0]).isEqualTo("0");
        assertThat(without[0]).isEqualTo("0");
        switch (command) {
            case "packets" -> {
                assertThat(r[1]).contains("ICMP").doesNotContain(" UDP ");
                assertThat(without[1]).doesNotContain("ICMP").contains(" UDP ");
            }
            case "stats" -> {
                assertThat(r[1]).contains("vxlan");
                assertThat(without[1]).doesNotContain("vxlan");
            }
            case "correlate" -> {
                // one capture alone: its VXLAN frames are the outer side, and without VXLAN they are plain frames
                assertThat(r[1]).contains("Unpaired outer: lost 10");
                assertThat(without[1]).contains("Unpaired outer: none").contains("Unpaired inner: lost 10");
            }
            case "vni-map" -> {
                assertThat(r[1]).contains("100");
                assertThat(without[1]).doesNotContain("100");
            }
            default -> assertThat(without[1]).isEqualTo(r[1]); // no VXLAN in what vrrp and lvs look at
        }
        String[] bad = CliRun.codeAndOutput(withFlags(new String[] {"-d", "udp.port==99999,vxlan"}, plain));
        assertThat(bad[0]).isNotEqualTo("0");
    }

    private static String[] args(String command) {
        return switch (command) {
            case "packets" -> new String[] {"packets", "-r", VXLAN};
            case "stats" -> new String[] {"stats", "-r", VXLAN, "--only", "phs"};
            case "correlate" -> new String[] {"correlate", VXLAN};
            case "vni-map" -> new String[] {"vni-map", "-r", VXLAN};
            case "vrrp" -> new String[] {"vrrp", "-r", VXLAN};
            default -> new String[] {"lvs", VXLAN};
        };
    }
}
