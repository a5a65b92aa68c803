package org.tunnellens.ui.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tunnellens.analysis.vrrp.VrrpAnalysis;
import org.tunnellens.analysis.vrrp.VrrpAnalyzer;
import org.tunnellens.analysis.vrrp.VrrpEvent;
import org.tunnellens.analysis.vrrp.VrrpEventType;

class VrrpTimelineModelTest {
    private static VrrpAnalysis analysis;
    private static VrrpTimelineModel model;

    @BeforeAll
    static void read() {
        analysis = VrrpAnalyzer.analyze(HaSamples.VRRP);
        model = VrrpTimelineModel.of(analysis);
    }

    @Test
    void oneLanePerVirtualRouterWithItsMasterBands() {
        assertThat(model.lanes()).extracting(VridLane::vrid).containsExactly(51, 52);
        VridLane vrid51 = model.lanes().get(0);
        assertThat(vrid51.title()).contains("VRID 51").contains("192.168.200.0/24").contains("VIP 192.168.200.16");
        assertThat(vrid51.bands()).extracting(MasterBand::label)
                .containsExactly("192.168.200.11  prio 150", "192.168.200.12  prio 100", "192.168.200.11  prio 150");
        assertThat(vrid51.bands()).extracting(MasterBand::endedBy)
                .containsExactly("resigned", "yielded", "capture-end");
        // one router keeps its colour across its bands; the two routers differ
        assertThat(vrid51.bands().get(0).colour()).isEqualTo(vrid51.bands().get(2).colour())
                .isNotEqualTo(vrid51.bands().get(1).colour());
        assertThat(model.routers()).containsExactly("192.168.200.11", "192.168.200.12", "192.168.201.11",
                "192.168.201.12");
    }

    @Test
    void eventsAreMarkedOnTheirOwnLaneInsideTheTimeSpan() {
        VridLane vrid52 = model.lanes().get(1);
        assertThat(vrid52.marks()).extracting(EventMark::symbol).contains("R", "T", "P", "G");
        assertThat(vrid52.marks()).allSatisfy(m -> assertThat(m.event().vrid()).isEqualTo(52));
        assertThat(vrid52.marks()).filteredOn(m -> !m.minor()).extracting(m -> m.event().type())
                .containsExactly(VrrpEventType.RESIGN, VrrpEventType.TAKEOVER, VrrpEventType.PREEMPT);
        TimeScale s = model.scale();
        VrrpEvent takeover = analysis.events(VrrpEventType.TAKEOVER).get(0);
        double f = s.fraction(takeover.nanos());
        // the takeover comes 4 s into a 25 s capture
        assertThat(f).isBetween(0.1, 0.2);
        assertThat(s.nanosAt(s.x(takeover.nanos(), 10, 500), 10, 500)).isCloseTo(takeover.nanos(),
                org.assertj.core.data.Offset.offset(100_000_000L));
    }

    @Test
    void takeoverBringsItsAdvertsAndTheGarpBurstThatFollows() {
        VrrpEvent takeover = analysis.events(VrrpEventType.TAKEOVER).stream().filter(e -> e.vrid() == 51)
                .findFirst().orElseThrow();
        List<CaptureFrames> frames = VrrpEventPackets.of(takeover, analysis);
        // the old master's resignation (frame 5) and the new master's first advert (7) come from the analysis;
        // the five gratuitous ARPs (8-12) of the same second from its GARP event
        List<Integer> all = frames.stream().flatMap(f -> f.frames().stream()).toList();
        assertThat(all).contains(5, 7, 8, 9, 10, 11, 12);
        assertThat(frames).extracting(CaptureFrames::capture).allMatch(c -> c.endsWith("-eth0.pcap"));
        VrrpEvent resign = analysis.events(VrrpEventType.RESIGN).get(0);
        assertThat(VrrpEventPackets.of(resign, analysis)).hasSize(1);
        assertThat(new CaptureFrames("x.pcap", List.of(5, 7, 8)).filterText())
                .isEqualTo("frame.number in {5 7 8}");
    }

    @Test
    void splitBrainStacksTheSecondMasterUnderTheFirst() {
        VrrpTimelineModel split = VrrpTimelineModel.of(VrrpAnalyzer.analyze(List.of(
                java.nio.file.Path.of("samples/vrrp-split-brain/director1-eth0.pcap"),
                java.nio.file.Path.of("samples/vrrp-split-brain/director2-eth0.pcap"))));
        VridLane lane = split.lanes().get(0);
        assertThat(lane.rows()).isEqualTo(2);
        assertThat(lane.bands()).extracting(MasterBand::router, MasterBand::row).contains(
                org.assertj.core.groups.Tuple.tuple("192.168.200.11", 0),
                org.assertj.core.groups.Tuple.tuple("192.168.200.12", 1));
        assertThat(model.lanes()).allSatisfy(l -> assertThat(l.rows()).isEqualTo(1));
    }

    @Test
    void timeScaleTicksAreRoundAndAnEmptySpanStillHasWidth() {
        TimeScale s = new TimeScale(0, 25_000_000_000L);
        assertThat(s.tickNanos(12)).isEqualTo(2_000_000_000L);
        assertThat(s.tickNanos(5)).isEqualTo(5_000_000_000L);
        assertThat(s.tickNanos(30)).isEqualTo(1_000_000_000L);
        TimeScale instant = new TimeScale(7, 7);
        assertThat(instant.endNanos()).isGreaterThan(instant.startNanos());
        assertThat(VrrpTimelineModel.of(new VrrpAnalysis(List.of(), List.of(), List.of(), List.of())).lanes())
                .isEmpty();
    }
}
