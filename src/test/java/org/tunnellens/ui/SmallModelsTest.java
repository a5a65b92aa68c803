package org.tunnellens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.PacketDissector;

class SmallModelsTest {
    @TempDir
    Path tmp;

    @Test
    void suggestionsCompleteTheWordBeingTyped() {
        FieldNameSuggestions s = new FieldNameSuggestions();
        assertThat(s.complete("vxlan.v")).contains("vxlan.vni");
        assertThat(s.complete("udp && vxlan.v")).contains("udp && vxlan.vni").allMatch(x -> x.startsWith("udp && "));
        assertThat(s.complete("vrrp.pr")).containsExactly("vrrp.prio");
        assertThat(s.complete("udp.p")).contains("udp.port");
        assertThat(s.complete("")).isEmpty();
        assertThat(s.complete("zzzz")).isEmpty();
    }

    @Test
    void recentFilesKeepNewestFirstAndSurviveARestart() {
        Path store = tmp.resolve("cfg/recent.txt");
        RecentFiles r = new RecentFiles(store);
        for (int i = 0; i < 12; i++) {
            r.add(tmp.resolve("c" + i + ".pcap"));
        }
        r.add(tmp.resolve("c5.pcap"));
        RecentFiles again = new RecentFiles(store);
        assertThat(again.list()).hasSize(RecentFiles.MAX);
        assertThat(again.list().get(0).getFileName().toString()).isEqualTo("c5.pcap");
        assertThat(again.list().get(1).getFileName().toString()).isEqualTo("c11.pcap");
        assertThat(again.list().stream().filter(p -> p.endsWith("c5.pcap")).count()).isEqualTo(1);
    }

    @Test
    void timeFormatsMatchWiresharkColumns() {
        long first = 1_700_000_000_000_000_000L;
        assertThat(TimeFormat.RELATIVE.format(first + 1_044_087_000L, first, first, ZoneId.of("UTC")))
                .isEqualTo("1.044087");
        assertThat(TimeFormat.DELTA.format(first + 1_044_087_000L, first, first + 1_001_093_000L, ZoneId.of("UTC")))
                .isEqualTo("0.042994");
        assertThat(TimeFormat.ABSOLUTE.format(first, first, first, ZoneId.of("UTC")))
                .isEqualTo("2023-11-14 22:13:20.000000");
    }

    @Test
    void requestAndReplyLinkBothWays() throws Exception {
        try (CaptureFile f = CaptureFile.open(CorpusFiles.VXLAN_4789)) {
            PacketDissector d = new PacketDissector(f);
            int n = f.packetCount();
            // packet 1 is an echo request answered by packet 4; packet 2 an ARP request answered by packet 3
            assertThat(RequestReplyLinks.linkedPacket(n, d::dissect, 0)).isEqualTo(3);
            assertThat(RequestReplyLinks.linkedPacket(n, d::dissect, 3)).isEqualTo(0);
            assertThat(RequestReplyLinks.linkedPacket(n, d::dissect, 1)).isEqualTo(2);
            assertThat(RequestReplyLinks.linkedPacket(n, d::dissect, 2)).isEqualTo(1);
            assertThat(RequestReplyLinks.linkedPacket(n, d::dissect, 9)).isEqualTo(8);
        }
    }

    @Test
    void tabTitlesAddFoldersOnlyWhereNamesClash() {
        assertThat(TabTitles.unique(java.util.List.of(Path.of("/s/lvs-nat/client-eth0.pcap"),
                Path.of("/s/variant-b/lvs-nat/client-eth0.pcap"), Path.of("/s/lvs-nat/director-eth0.pcap"),
                Path.of("/s/corpus/vxlan-4789.pcap"))))
                .containsExactly("s/lvs-nat/client-eth0.pcap", "variant-b/lvs-nat/client-eth0.pcap",
                        "director-eth0.pcap", "vxlan-4789.pcap");
        assertThat(TabTitles.unique(java.util.List.of(Path.of("/a/x.pcap"), Path.of("/b/x.pcap"))))
                .containsExactly("a/x.pcap", "b/x.pcap");
    }

    @Test
    void samplesAreFoundUnderTheSamplesFolder() {
        assertThat(SampleCaptures.find(Path.of("samples"))).contains(Path.of("samples/corpus/vxlan-4789.pcap"),
                Path.of("samples/corpus/vxlan-8472.pcap"));
        assertThat(SampleCaptures.find(tmp.resolve("none"))).isEmpty();
    }
}
