package org.tunnellens.ui.ha;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tunnellens.analysis.lvs.LvsAnalysis;
import org.tunnellens.analysis.lvs.LvsAnalyzer;
import org.tunnellens.analysis.lvs.LvsConnection;
import org.tunnellens.analysis.lvs.VirtualService;

class LadderModelTest {
    private static LvsAnalysis analysis;

    @BeforeAll
    static void read() {
        analysis = LvsAnalyzer.analyze(HaSamples.LVS);
    }

    @Test
    void firstConnectionShowsTheDestinationRewriteInAndTheSourceRewriteOut() {
        LvsConnection c = analysis.connections().get(0);
        LadderModel m = LadderModel.of(c);
        assertThat(m.hosts()).containsExactly("10.20.0.10", "VIP 10.20.0.100", "172.20.0.11");
        assertThat(m.arrows()).extracting(LadderArrow::segment).containsExactly("front", "back", "back", "front");
        assertThat(m.arrows()).extracting(LadderArrow::addresses).containsExactly(
                "10.20.0.10:47619 \u2192 10.20.0.100:80",
                "10.20.0.10:47619 \u2192 172.20.0.11:80",
                "172.20.0.11:80 \u2192 10.20.0.10:47619",
                "10.20.0.100:80 \u2192 10.20.0.10:47619");
        assertThat(m.arrows()).extracting(LadderArrow::rewritten).containsExactly(LadderArrow.Rewrite.NONE,
                LadderArrow.Rewrite.TARGET, LadderArrow.Rewrite.NONE, LadderArrow.Rewrite.SOURCE);
        assertThat(m.arrows().get(0).frame()).isEqualTo("client-eth0.pcap#3");
        assertThat(m.arrows().get(1).frame()).isEqualTo("director-eth1.pcap#1");
        assertThat(m.arrows().get(0).caption()).contains("GET /req-1");
        assertThat(m.arrows().get(3).caption()).contains("HTTP 200");
    }

    @Test
    void refusedConnectionEndsWithResets() {
        LvsConnection refused = analysis.connections().stream().filter(c -> c.outcome().equals("refused"))
                .findFirst().orElseThrow();
        LadderModel m = LadderModel.of(refused);
        assertThat(m.arrows()).hasSize(4);
        assertThat(m.arrows().get(2).caption()).startsWith("RST");
        assertThat(m.title()).contains("outcome: refused");
        assertThat(m.note()).isEqualTo(refused.note());
    }

    @Test
    void bypassedReplyGoesStraightFromTheRealServerToTheClient() {
        LvsAnalysis bypass = LvsAnalyzer.analyze(HaSamples.LVS_BYPASS);
        LvsConnection c = bypass.connections().stream().filter(x -> x.outcome().equals("bypassed"))
                .findFirst().orElseThrow();
        LadderModel m = LadderModel.of(c);
        assertThat(m.arrows()).hasSize(3);
        LadderArrow stray = m.arrows().get(2);
        assertThat(stray.stray()).isTrue();
        assertThat(stray.from()).isEqualTo(LadderColumn.REAL_SERVER);
        assertThat(stray.to()).isEqualTo(LadderColumn.CLIENT);
        assertThat(stray.source()).startsWith("172.20.0.11:");
    }

    @Test
    void serviceRowsAreTheAnalysisServicesFollowedByTheirRealServers() {
        var rows = ServiceTableRows.of(analysis);
        VirtualService s = analysis.services().get(0);
        assertThat(rows).hasSize(analysis.services().stream().mapToInt(v -> 1 + v.realServers().size()).sum());
        assertThat(rows.get(0).service()).isTrue();
        assertThat(rows.get(0).address()).isEqualTo("TCP  10.20.0.100:80");
        assertThat(rows.get(0).method()).isEqualTo(s.scheduler());
        assertThat(rows.get(0).connections()).isEqualTo(24);
        for (int i = 0; i < s.realServers().size(); i++) {
            var r = s.realServers().get(i);
            var row = rows.get(1 + i);
            assertThat(row.address()).isEqualTo("  \u2192 " + r.ip() + ":" + r.port());
            assertThat(row.connections()).isEqualTo(r.connections());
            assertThat(row.bytesOut()).isEqualTo(r.bytesOut());
        }
        assertThat(rows.get(3).note()).contains("sorry server");
    }
}
