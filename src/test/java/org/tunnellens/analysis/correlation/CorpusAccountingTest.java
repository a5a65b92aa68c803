package org.tunnellens.analysis.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnellens.capture.CaptureFile;

/**
 * Every public corpus capture, correlated as one capture holding both sides: whatever is in it (other link types,
 * fragments, truncated packets, no VXLAN at all), each packet ends up in exactly one place, paired or listed.
 */
class CorpusAccountingTest {
    static Stream<Path> captures() throws IOException {
        // the captures are the files tshark described
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/corpus/public"))) {
            List<Path> l = s.filter(p -> p.toString().endsWith(".tshark.tsv")).sorted()
                    .map(p -> p.resolveSibling(p.getFileName().toString().replace(".tshark.tsv", ""))).toList();
            return l.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyPacketIsPairedOnceOrListedOnce(Path file) throws Exception {
        try (CaptureFile f = CaptureFile.open(file)) {
            CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(f, f);
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < r.pairs().size(); i++) {
                assertThat(seen.add(r.pairs().outerFrame(i))).isTrue();
                assertThat(seen.add(r.pairs().innerFrame(i))).isTrue();
            }
            for (UnpairedFrames u : List.of(r.unpairedOuter(), r.unpairedInner())) {
                for (int i = 0; i < u.size(); i++) {
                    assertThat(seen.add(u.frame(i))).as("frame %d listed twice", u.frame(i)).isTrue();
                }
            }
            assertThat(seen).hasSize(f.packetCount());
            assertThat(r.summary().outerPackets() + r.summary().innerPackets()).isEqualTo(f.packetCount());
        }
    }
}
