package org.tunnellens.analysis.lvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunnellens.analysis.vrrp.VrrpAnalysis;
import org.tunnellens.analysis.vrrp.VrrpAnalyzer;

/** Cut and scrambled captures: the analyses keep what they could read and name the file and byte offset. */
class LvsBadInputTest {
    @TempDir
    Path tmp;

    @Test
    void aCaptureCutInTheMiddleOfAPacketKeepsTheConnectionsBeforeTheCut() throws IOException {
        Path src = Path.of("samples/lvs-nat/client-eth0.pcap");
        assumeThat(src).exists();
        byte[] all = Files.readAllBytes(src);
        Path cut = Files.write(tmp.resolve(src.getFileName().toString()), Arrays.copyOf(all, all.length / 2 + 7));
        LvsAnalysis whole = LvsAnalyzer.analyze(List.of(src));
        LvsAnalysis half = LvsAnalyzer.analyze(List.of(cut));
        assertThat(half.problems()).singleElement().asString().contains(cut.toString()).contains("byte offset");
        assertThat(half.connections().size()).isPositive().isLessThan(whole.connections().size());
        assertThat(half.connections().getFirst()).isEqualTo(whole.connections().getFirst());
    }

    @Test
    void everyPublicCorpusCaptureIsAnalysedWithoutAnException() throws IOException {
        List<Path> all;
        try (var s = Files.walk(Path.of("src/test/resources/corpus/public"))) {
            all = s.filter(p -> p.toString().endsWith(".tshark.tsv"))
                    .map(p -> Path.of(p.toString().replace(".tshark.tsv", ""))).sorted().toList();
        }
        assertThat(all).hasSizeGreaterThan(50);
        for (Path p : all) {
            LvsAnalysis lvs = LvsAnalyzer.analyze(List.of(p));
            VrrpAnalysis vrrp = VrrpAnalyzer.analyze(List.of(p));
            assertThat(lvs.problems()).as(p.toString()).isEmpty();
            assertThat(vrrp.problems()).as(p.toString()).isEmpty();
            assertThat(lvs.healthChecks()).as(p.toString()).allSatisfy(h -> assertThat(h.checks()).isPositive());
        }
    }

    @Test
    void scrambledPacketBytesNeverThrow() throws IOException {
        for (String s : List.of("samples/lvs-nat/director-eth1.pcap", "samples/keepalived-vrrp/director2-eth0.pcap",
                "src/test/resources/corpus/public/tcpdump/vrrp.pcap")) {
            Path src = Path.of(s);
            if (!Files.exists(src)) {
                continue;
            }
            byte[] all = Files.readAllBytes(src);
            Random rnd = new Random(s.hashCode());
            for (int round = 0; round < 20; round++) {
                byte[] b = all.clone();
                // keep the file header, scramble packet bytes (and now and then a record header)
                for (int i = 0; i < b.length / 20; i++) {
                    int at = 24 + rnd.nextInt(b.length - 24);
                    b[at] = (byte) rnd.nextInt(256);
                }
                Path f = Files.write(tmp.resolve("scrambled-" + round + ".pcap"), b);
                LvsAnalysis lvs = LvsAnalyzer.analyze(List.of(f));
                VrrpAnalysis vrrp = VrrpAnalyzer.analyze(List.of(f));
                assertThat(lvs.problems()).allSatisfy(p -> assertThat(p).contains(f.getFileName().toString()));
                assertThat(vrrp.problems()).allSatisfy(p -> assertThat(p).contains(f.getFileName().toString()));
            }
        }
    }
}
