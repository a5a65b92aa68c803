package org.tunnellens.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.PacketDissector;

/**
 * Each filter selects exactly the frames tshark 4.0.17 selects with {@code -Y} on the same capture. The oracle
 * ({@code src/test/resources/filter-oracle.tsv}: capture, filter, frame numbers) was written by tshark; the command
 * is in docs/filters-and-stats.md.
 */
class DisplayFilterOracleTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/public");

    static Stream<String[]> cases() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/filter-oracle.tsv"));
        return lines.stream().skip(1).map(l -> l.split("\t", -1));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void selectsTheSameFramesAsTshark(String capture, String filterText, String expectedFrames) throws Exception {
        DisplayFilter filter = DisplayFilter.compile(filterText);
        List<String> frames = new ArrayList<>();
        // lab captures live at the project root, under samples/
        Path file = capture.startsWith("samples/") ? Path.of(capture) : CORPUS.resolve(capture);
        try (CaptureFile f = CaptureFile.open(file)) {
            PacketDissector dissector = new PacketDissector(f);
            for (int i = 0; i < f.packetCount(); i++) {
                if (filter.matches(dissector.dissect(i))) {
                    frames.add(Integer.toString(i + 1));
                }
            }
        }
        assertThat(String.join(",", frames)).as("%s -Y '%s'", capture, filterText).isEqualTo(expectedFrames);
    }
}
