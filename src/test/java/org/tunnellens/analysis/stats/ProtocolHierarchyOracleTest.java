package org.tunnellens.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.FieldRegistry;
import org.tunnellens.dissect.PacketDissector;

/**
 * Our protocol hierarchy against {@code tshark -q -z io,phs} (oracles in src/test/resources/phs-oracle). Where
 * tshark's tree names only protocols TunnelLens decodes, the text must be identical; the others (DNS, TLS, ...)
 * are counted and reported, not asserted.
 */
class ProtocolHierarchyOracleTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/public");
    static final Path ORACLE = Path.of("src/test/resources/phs-oracle");

    @Test
    void countsEqualTsharksWhereEveryProtocolIsDecoded() throws Exception {
        List<Path> oracles;
        try (Stream<Path> s = Files.walk(ORACLE)) {
            oracles = s.filter(p -> p.toString().endsWith(".phs.txt")).sorted().toList();
        }
        int comparable = 0;
        int equal = 0;
        int equalOther = 0;
        List<String> failures = new ArrayList<>();
        for (Path o : oracles) {
            String expected = Files.readString(o);
            Path capture = CORPUS.resolve(ORACLE.relativize(o).toString().replace(".phs.txt", ""));
            String actual;
            boolean sameProtocols = true;
            List<String> tsharkProtocols = Files.readAllLines(Path.of(capture + ".tshark.tsv")).stream().skip(1)
                    .map(l -> l.split("\t", -1)[2]).toList();
            try (CaptureFile f = CaptureFile.open(capture)) {
                PacketDissector dissector = new PacketDissector(f);
                actual = CaptureStatistics.of(f, dissector).hierarchy().text();
                for (int i = 0; i < f.packetCount(); i++) {
                    StringBuilder sb = new StringBuilder();
                    FieldFormatter.appendProtocols(dissector.dissect(i), sb);
                    sameProtocols &= sb.toString().equals(tsharkProtocols.get(i));
                }
            }
            // the hierarchy aggregates frame.protocols; where the dissector already disagrees with tshark on a
            // packet's protocols, that is the dissector's difference, not this table's
            // tshark's "_ws.malformed" / "_ws.short" rows follow its own exception handling, not the protocols
            boolean known = sameProtocols && !expected.contains("_ws.") && expected.lines().filter(l -> l.contains("frames:"))
                    .map(l -> l.strip().split("\\s+")[0]).allMatch(p -> FieldRegistry.byName(p) != null);
            if (known) {
                comparable++;
                if (expected.equals(actual)) {
                    equal++;
                } else {
                    failures.add(capture + "\n--- tshark\n" + expected + "--- ours\n" + actual);
                }
            } else if (expected.equals(actual)) {
                equalOther++;
            }
        }
        System.out.printf("io,phs: %d/%d captures with only decoded protocols identical; %d/%d others identical%n",
                equal, comparable, equalOther, oracles.size() - comparable);
        assertThat(comparable).isGreaterThan(30);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }
}
