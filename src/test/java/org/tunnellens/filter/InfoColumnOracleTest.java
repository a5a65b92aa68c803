package org.tunnellens.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.column.InfoColumn;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.dissect.firstpass.FirstPass;

/**
 * Our Info column against {@code tshark -2 -T fields -e _ws.col.Info} (two-pass, so "reply in N" is known) on every
 * public corpus capture. The oracle files under {@code src/test/resources/info-oracle} were written by tshark 4.0.17
 * (command in docs/filters-and-stats.md). Prints the exact-match rate per protocol (tshark's Protocol column).
 */
class InfoColumnOracleTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/public");
    static final Path ORACLE = Path.of("src/test/resources/info-oracle");

    /** Per protocol: [matched, total], for the public corpus (asserted) and the lab samples (reported). */
    private final Map<String, int[]> rates = new TreeMap<>();
    private final Map<String, int[]> sampleRates = new TreeMap<>();
    private final List<String> mismatches = new ArrayList<>();

    @Test
    void infoMatchesTsharkOnTheCorpus() throws Exception {
        List<Path> oracles;
        try (Stream<Path> s = Files.walk(ORACLE)) {
            oracles = s.filter(p -> p.toString().endsWith(".info.tsv")).sorted().toList();
        }
        assertThat(oracles).hasSizeGreaterThan(70);
        for (Path o : oracles) {
            String rel = ORACLE.relativize(o).toString().replace(".info.tsv", "");
            // oracles under samples/ are for the lab captures kept at the project root
            Path capture = rel.startsWith("samples/") ? Path.of(rel) : CORPUS.resolve(rel);
            if (Files.exists(capture)) {
                compare(capture, o, rel.startsWith("samples/") ? sampleRates : rates);
            }
        }
        StringBuilder report = new StringBuilder("Info column vs tshark -2, exact matches per protocol (corpus):\n");
        rates.forEach((proto, r) -> report.append(String.format("  %-16s %5d / %5d  %6.2f%%%n", proto, r[0], r[1],
                100.0 * r[0] / r[1])));
        report.append("lab samples:\n");
        sampleRates.forEach((proto, r) -> report.append(String.format("  %-16s %5d / %5d  %6.2f%%%n", proto, r[0],
                r[1], 100.0 * r[0] / r[1])));
        System.out.print(report);
        mismatches.stream().filter(m -> m.matches("(?s).* #\\d+ (ARP|ICMP|VRRP|UDP|TCP handshake)\\n.*")).limit(20)
                .forEach(System.out::println);
        for (String p : List.of("ARP", "ICMP", "VRRP", "UDP", "TCP handshake")) {
            int[] r = rates.get(p);
            assertThat(r).as("protocol %s present in the corpus", p).isNotNull();
            assertThat(r[0]).as("%s exact matches on the corpus", p).isEqualTo(r[1]);
        }
        // the lab captures: every protocol but the TCP handshakes tshark flags "[TCP Port numbers reused]"
        for (String p : List.of("ARP", "ICMP", "VRRP", "IPv4", "HTTP", "TCP")) {
            int[] r = sampleRates.get(p);
            assertThat(r).as("protocol %s present in the lab samples", p).isNotNull();
            assertThat(r[0]).as("%s exact matches on the lab samples", p).isEqualTo(r[1]);
        }
    }

    private void compare(Path capture, Path oracle, Map<String, int[]> rates) throws IOException, Exception {
        List<String> lines = Files.readAllLines(oracle);
        try (CaptureFile f = CaptureFile.open(capture)) {
            PassResults pairs = FirstPass.run(f);
            PacketDissector dissector = new PacketDissector(f);
            for (int i = 1; i < lines.size(); i++) {
                String[] cols = lines.get(i).split("\t", -1);
                int frame = Integer.parseInt(cols[0]);
                String proto = cols[1];
                String expected = cols[4];
                Dissection d = dissector.dissect(frame - 1);
                String actual = InfoColumn.info(d, pairs);
                String bucket = proto;
                if (d.has(org.tunnellens.dissect.Frame.UNSUPPORTED)) {
                    // the capture engine does not read this link type (Frame Relay): nothing to compare
                    bucket = "(link type not decoded)";
                } else if (proto.equals("TCP") && (expected.contains("[SYN]") || expected.contains("[SYN, ACK]"))) {
                    bucket = "TCP handshake";
                }
                int[] r = rates.computeIfAbsent(bucket, k -> new int[2]);
                r[1]++;
                if (expected.equals(actual)) {
                    r[0]++;
                } else {
                    mismatches.add(capture + " #" + frame + " " + bucket + "\n   tshark: " + expected
                            + "\n   ours:   " + actual);
                }
            }
        }
    }
}
