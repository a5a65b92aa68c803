package org.tunnellens.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every public corpus capture opens and yields exactly as many packets as tshark listed in its TSV. */
class CorpusPacketCountTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/public");

    static Stream<Path> captures() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            List<Path> l = s.filter(p -> p.toString().endsWith(".tshark.tsv")).sorted().toList();
            return l.stream().map(p -> Path.of(p.toString().replace(".tshark.tsv", "")));
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void packetCountMatchesTshark(Path capture) throws Exception {
        long expected;
        try (Stream<String> lines = Files.lines(Path.of(capture + ".tshark.tsv"))) {
            expected = lines.count() - 1; // header row
        }
        try (CaptureFile f = CaptureFile.open(capture)) {
            assertThat(f.packetCount()).as(capture.toString()).isEqualTo(expected);
            assertThat(f.problem()).as(capture.toString()).isNull();
        }
    }
}
