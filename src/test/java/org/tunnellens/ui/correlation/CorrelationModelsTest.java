package org.tunnellens.ui.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunnellens.analysis.correlation.CorrelationOptions;
import org.tunnellens.analysis.correlation.CorrelationResult;
import org.tunnellens.analysis.correlation.FrameCorrelator;
import org.tunnellens.analysis.correlation.PairDirection;
import org.tunnellens.analysis.correlation.PairTable;
import org.tunnellens.analysis.correlation.UnpairedReason;
import org.tunnellens.capture.CaptureFile;

/** The window's non-JavaFX parts on the OpenStack lab pair (compute1's ens3 against its vxlan_sys_4789). */
class CorrelationModelsTest {
    static final Path DIR = Path.of("samples/openstack-4789");
    static CorrelationResult result;

    @TempDir
    Path tmp;

    @BeforeAll
    static void correlate() throws Exception {
        try (CaptureFile outer = CaptureFile.open(DIR.resolve("compute1-ens3.pcap"));
             CaptureFile inner = CaptureFile.open(DIR.resolve("compute1-vxlan_sys_4789.pcap"))) {
            result = new FrameCorrelator(CorrelationOptions.defaults()).correlate(outer, inner);
        }
    }

    @Test
    void filtersSplitEachCaptureIntoPairedAndUnpairedByReason() {
        int outerCount = result.summary().outerPackets();
        int[] all = PairFilter.ALL.rows(outerCount, result.unpairedOuter());
        int[] paired = PairFilter.PAIRED.rows(outerCount, result.unpairedOuter());
        int[] unpaired = PairFilter.UNPAIRED.rows(outerCount, result.unpairedOuter());
        assertThat(all).hasSize(outerCount);
        assertThat(paired).hasSize(result.pairs().size());
        assertThat(paired.length + unpaired.length).isEqualTo(outerCount);
        for (int p : paired) {
            assertThat(result.pairs().indexOfOuterFrame(p + 1)).isNotNegative();
        }
        for (int p : unpaired) {
            assertThat(result.unpairedOuter().reasonOf(p + 1)).isNotNull();
        }
        // the first pieces of the two outer datagrams that frames 32 and 34 reassemble (and pair)
        int[] fragments = PairFilter.because(UnpairedReason.FRAGMENT).rows(outerCount, result.unpairedOuter());
        assertThat(fragments).containsExactly(30, 32);
        // the choices offered are the fixed three plus exactly the reasons that occur on either side
        assertThat(PairFilter.choices(result)).extracting(PairFilter::reason).containsExactly(null, null, null,
                UnpairedReason.NOT_VXLAN, UnpairedReason.FRAGMENT);
    }

    @Test
    void histogramBinsHoldEveryPairOnRoundEdges() {
        PairTable pairs = result.pairs();
        DelayHistogram h = DelayHistogram.of(pairs);
        assertThat(h.total()).isEqualTo(pairs.size());
        assertThat(h.widthNanos() % 1000).isZero();
        assertThat(h.startNanos() % h.widthNanos()).isZero();
        assertThat(h.binCount()).isBetween(1, DelayHistogram.TARGET_BINS + 2);
        for (int i = 0; i < pairs.size(); i++) {
            long d = pairs.deltaNanos(i);
            int bin = (int) Math.floorDiv(d - h.startNanos(), h.widthNanos());
            assertThat(h.counts().get(pairs.direction(i))[bin]).isPositive();
        }
        assertThat(h.counts().keySet()).containsExactlyInAnyOrder(PairDirection.ENCAPSULATED,
                PairDirection.DECAPSULATED);
        assertThat(h.labels().get(0)).isEqualTo(DelayHistogram.micros(h.startNanos()));
    }

    @Test
    void niceWidthsStepOneTwoFive() {
        assertThat(DelayHistogram.niceWidth(0)).isEqualTo(1_000);
        assertThat(DelayHistogram.niceWidth(1_001)).isEqualTo(2_000);
        assertThat(DelayHistogram.niceWidth(2_600)).isEqualTo(5_000);
        assertThat(DelayHistogram.niceWidth(6_350)).isEqualTo(10_000);
        assertThat(DelayHistogram.niceWidth(130_000)).isEqualTo(200_000);
    }

    @Test
    void topologyFilesSkipWhatNoParserReadsAndNameIt() throws Exception {
        Path big = tmp.resolve("capture.pcap");
        Files.write(big, new byte[(int) TopologyFiles.MAX_BYTES + 1]);
        TopologyFiles t = TopologyFiles.read(List.of(DIR.resolve("openstack-network-show.txt"),
                DIR.resolve("ping-vm1-vm2.txt"), tmp.resolve("missing.txt"), big));
        assertThat(t.read()).containsExactly(DIR.resolve("openstack-network-show.txt"));
        assertThat(t.facts()).anySatisfy(f -> assertThat(f.vni()).isEqualTo(320));
        assertThat(t.problems()).hasSize(3);
        assertThat(t.problems().get(0)).isEqualTo("ping-vm1-vm2.txt: not a format vni-map reads");
        assertThat(t.problems().get(1)).startsWith("missing.txt: cannot read");
        assertThat(t.problems().get(2)).contains("too big for a configuration text");
    }

    @Test
    void theDialogGuessesTheBridgeAsInnerAndTheSameHostsNicAsOuter() {
        Path kvm1 = Path.of("kvm1-enp0s8.pcap");
        Path kvm2 = Path.of("kvm2-enp0s8.pcap");
        Path bridge = Path.of("kvm2-vxlan_bridge.pcap");
        assertThat(CorrelateDialog.guess(List.of(kvm1, bridge, kvm2))).containsExactly(kvm2, bridge);
        assertThat(CorrelateDialog.guess(List.of(Path.of("a.pcap"), Path.of("b.pcap"))))
                .containsExactly(Path.of("a.pcap"), Path.of("b.pcap"));
        assertThat(CorrelateDialog.guess(List.of(kvm1))).containsExactly(kvm1, null);
    }
}
