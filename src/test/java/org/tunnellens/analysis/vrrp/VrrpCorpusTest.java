package org.tunnellens.analysis.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** VRRP adverts of the public corpus, checked against what tshark 4.0.17 dissected from the same files. */
class VrrpCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/public");

    /** VRID -> number of VRRP packets, from the tshark TSV next to the capture. */
    static Map<Integer, Integer> tsharkAdvertsPerVrid(Path capture) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(capture + ".tshark.tsv"));
        List<String> header = List.of(lines.getFirst().split("\t", -1));
        int vridCol = header.indexOf("vrrp.virt_rtr_id");
        Map<Integer, Integer> n = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String v = line.split("\t", -1)[vridCol];
            if (!v.isEmpty()) {
                n.merge(Integer.parseInt(v), 1, Integer::sum);
            }
        }
        return n;
    }

    @Test
    void tcpdumpVrrpHasEveryAdvertOfEveryVridThatTsharkSees() throws IOException {
        Path file = CORPUS.resolve("tcpdump/vrrp.pcap");
        VrrpAnalysis a = VrrpAnalyzer.analyze(List.of(file));
        Map<Integer, Integer> ours = new TreeMap<>();
        a.routers().forEach(r -> ours.merge(r.vrid(), r.adverts().size(), Integer::sum));
        assertThat(ours).isEqualTo(tsharkAdvertsPerVrid(file)).containsOnlyKeys(42, 43, 44, 45, 46);
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void simpleTextPasswordIsShownAndFlaggedAsClearText() {
        VrrpAnalysis a = VrrpAnalyzer.analyze(List.of(CORPUS.resolve("tcpdump/vrrp.pcap")));
        VirtualRouter r42 = a.routers(42).getFirst();
        assertThat(r42.version()).isEqualTo(2);
        assertThat(r42.authType()).isEqualTo("PASS");
        assertThat(r42.authPassword()).isEqualTo("abcdefgh");
        assertThat(r42.warnings()).anyMatch(w -> w.contains("\"abcdefgh\" in clear"));
        assertThat(r42.vips()).containsExactly("10.4.42.1", "10.4.42.2", "10.4.42.3");
        assertThat(r42.advertInterval()).isEqualTo(10.0);
        VirtualRouter r43 = a.routers(43).getFirst();
        assertThat(r43.authPassword()).isNull();
        assertThat(r43.warnings()).noneMatch(w -> w.contains("in clear"));
    }

    @Test
    void versionsFamiliesAndChecksumsComeFromTheAdverts() {
        VrrpAnalysis a = VrrpAnalyzer.analyze(List.of(CORPUS.resolve("tcpdump/vrrp.pcap")));
        assertThat(a.routers(44).getFirst().version()).isEqualTo(3);
        assertThat(a.routers(44).getFirst().family()).isEqualTo("ipv4");
        VirtualRouter r46 = a.routers(46).getFirst();
        assertThat(r46.family()).isEqualTo("ipv6");
        assertThat(r46.segment()).isEqualTo("fe80::/64");
        assertThat(r46.vips()).containsExactly("fe80::200:5eff:fe00:22e", "2001::eeff:a", "2001::eeff:b",
                "2001::eeff:c", "2001::eeff:d");
        assertThat(a.routers()).flatMap(VirtualRouter::adverts).extracting(VrrpAdvert::checksum)
                .containsOnly("good");
    }

    @Test
    void higherPriorityRouterAppearingNextToALiveMasterIsAPreemption() {
        VrrpAnalysis a = VrrpAnalyzer.analyze(List.of(CORPUS.resolve("ndpi/vrrp3.pcapng")));
        VirtualRouter r = a.routers(36).getFirst();
        assertThat(r.masters()).extracting(MasterPeriod::ip).containsExactly("fe80::2", "fe80::1");
        assertThat(r.masters()).extracting(MasterPeriod::priority).containsExactly(100, 105);
        assertThat(r.masters().getLast().endedBy()).isEqualTo("capture-end");
        List<VrrpEvent> pre = a.events(VrrpEventType.PREEMPT);
        assertThat(pre).hasSize(1);
        assertThat(pre.getFirst().from()).isEqualTo("fe80::2");
        assertThat(pre.getFirst().to()).isEqualTo("fe80::1");
        assertThat(pre.getFirst().duration()).isBetween(0.45, 0.47);
        assertThat(a.events()).extracting(VrrpEvent::type).doesNotContain(VrrpEventType.SILENT,
                VrrpEventType.SPLIT_BRAIN, VrrpEventType.TAKEOVER);
    }

    @Test
    void aFileThatIsNotACaptureIsReportedWithItsName() throws IOException {
        Path bad = Files.createTempFile("not-a-capture", ".pcap");
        Files.writeString(bad, "hello, this is text");
        VrrpAnalysis a = VrrpAnalyzer.analyze(List.of(bad, CORPUS.resolve("ndpi/vrrp3.pcapng")));
        assertThat(a.problems()).singleElement().asString().contains(bad.getFileName().toString()).contains("byte");
        assertThat(a.routers()).hasSize(1);
        Files.delete(bad);
    }
}
