package org.tunnellens.ui.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunnellens.analysis.correlation.CorrelationOptions;
import org.tunnellens.analysis.correlation.CorrelationResult;
import org.tunnellens.analysis.correlation.FrameCorrelator;
import org.tunnellens.analysis.correlation.UnpairedReason;
import org.tunnellens.analysis.vnimap.VniMapReport;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.proto.Icmp;
import org.tunnellens.dissect.proto.Ipv4;
import org.tunnellens.dissect.PacketDissector;

/**
 * The correlation window on the OpenNebula lab pair (kvm2's enp0s8 against its vxlan_bridge), driven headless:
 * what it shows is checked against FrameCorrelator run separately and against the lab's truth.json.
 */
@ExtendWith(ApplicationExtension.class)
class CorrelationViewTest {
    static final Path DIR = Path.of("samples/opennebula-8472");
    static final Path OUTER = DIR.resolve("kvm2-enp0s8.pcap");
    static final Path INNER = DIR.resolve("kvm2-vxlan_bridge.pcap");

    @TempDir
    Path tmp;

    private CorrelationView view;

    @Start
    void start(Stage stage) {
        view = CorrelationStage.show(stage, OUTER, INNER);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(view::close);
    }

    private static void waitUntil(Supplier<Boolean> condition) throws Exception {
        org.tunnellens.ui.FxWait.until(condition, 30);
    }

    private void ready() throws Exception {
        waitUntil(view::isReady);
        assertThat(view.failure()).isNull();
    }

    private static CorrelationResult correlateDirectly() throws Exception {
        try (CaptureFile outer = CaptureFile.open(OUTER); CaptureFile inner = CaptureFile.open(INNER)) {
            return new FrameCorrelator(CorrelationOptions.defaults()).correlate(outer, inner);
        }
    }

    /** 0-based inner packets that are ICMP echo requests and have a partner, in file order. */
    private static List<Integer> pairedInnerEchoRequests(CorrelationResult r) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (CaptureFile inner = CaptureFile.open(INNER)) {
            PacketDissector d = new PacketDissector(inner);
            for (int i = 0; i < inner.packetCount(); i++) {
                Dissection x = d.dissect(i);
                if (x.firstValue(Icmp.TYPE, -1) == 8 && r.pairs().indexOfInnerFrame(i + 1) >= 0) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    @Test
    void selectingAnInnerEchoSelectsItsOuterPartnerAndDrawsTheLine(FxRobot robot) throws Exception {
        ready();
        CorrelationResult direct = correlateDirectly();
        List<Integer> echoes = pairedInnerEchoRequests(direct);
        assertThat(echoes).hasSizeGreaterThanOrEqualTo(4);
        // the third echo request: not the first row, so a wrong row offset would show
        int innerPacket = echoes.get(2);
        int expectedOuter = direct.pairs().outerFrame(direct.pairs().indexOfInnerFrame(innerPacket + 1));

        robot.clickOn(rowNode("#inner-list", view.innerList().rows().rowOf(innerPacket)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.innerList().selectedPacket()).isEqualTo(innerPacket);
        assertThat(view.outerList().selectedPacket() + 1).isEqualTo(expectedOuter);
        assertThat(view.outerList().partnerPacket() + 1).isEqualTo(expectedOuter);
        assertThat(view.selectionText()).startsWith("Inner frame " + (innerPacket + 1) + " \u2194 outer frame "
                + expectedOuter).contains("VNI 100");
        TableRow<?> partnerRow = rowNode("#outer-list", view.outerList().rows().rowOf(expectedOuter - 1));
        assertThat(partnerRow.getStyleClass()).contains("corr-partner");
        waitUntil(() -> view.partnerLine().isShown());

        // the line's ends sit on the two selected rows
        TableRow<?> innerRow = rowNode("#inner-list", view.innerList().rows().rowOf(innerPacket));
        double[] ends = view.partnerLine().endsY();
        assertThat(ends[0]).isCloseTo(centreIn(partnerRow), org.assertj.core.data.Offset.offset(1.0));
        assertThat(ends[1]).isCloseTo(centreIn(innerRow), org.assertj.core.data.Offset.offset(1.0));

        // and back: selecting an outer packet selects its inner partner
        int outerFrame = direct.pairs().outerFrame(0);
        robot.interact(() -> view.outerList().select(outerFrame - 1));
        assertThat(view.innerList().selectedPacket() + 1).isEqualTo(direct.pairs().innerFrame(0));
    }

    @Test
    void anUnpairedPacketSaysWhyAndClearsTheOtherSide(FxRobot robot) throws Exception {
        ready();
        int local = view.run().result().unpairedInner().frame(0);
        robot.interact(() -> view.innerList().select(local - 1));
        assertThat(view.outerList().selectedPacket()).isEqualTo(-1);
        assertThat(view.partnerLine().isShown()).isFalse();
        assertThat(view.selectionText()).isEqualTo("Inner frame " + local + " has no partner: local \u2014 "
                + UnpairedReason.LOCAL.description());
        assertThat(rowNode("#inner-list", view.innerList().rows().rowOf(local - 1)).getStyleClass())
                .contains("corr-unpaired");
    }

    @Test
    void filteringUnpairedByReasonLocalShowsExactlyTheHostToOwnVmPackets(FxRobot robot) throws Exception {
        ready();
        JsonNode truth = new ObjectMapper().readTree(DIR.resolve("truth.json").toFile());
        Set<String> localHosts = new HashSet<>();
        truth.path("local_only").path("hosts").forEach(h -> localHosts.add(h.asText()));
        assertThat(localHosts).hasSize(2);
        List<Integer> expected = new ArrayList<>();
        try (CaptureFile inner = CaptureFile.open(INNER)) {
            PacketDissector d = new PacketDissector(inner);
            for (int i = 0; i < inner.packetCount(); i++) {
                Dissection x = d.dissect(i);
                int src = x.first(Ipv4.SRC);
                int dst = x.first(Ipv4.DST);
                if (src >= 0 && dst >= 0 && localHosts.equals(Set.of(FieldFormatter.value(x, src),
                        FieldFormatter.value(x, dst)))) {
                    expected.add(i);
                }
            }
        }
        assertThat(expected).hasSize(2 * truth.path("local_only").path("icmp_echo_requests").asInt());

        PairFilter local = view.showChoice().getItems().stream()
                .filter(f -> f.reason() == UnpairedReason.LOCAL).findFirst().orElseThrow();
        assertThat(local.label(view.run().result())).isEqualTo("Unpaired: local  (0 / " + expected.size() + ")");
        robot.interact(() -> view.showChoice().setValue(local));
        assertThat(view.innerList().rows().packets()).containsExactly(
                expected.stream().mapToInt(Integer::intValue).toArray());
        assertThat(view.outerList().rows().size()).isZero();

        robot.interact(() -> view.showChoice().setValue(PairFilter.because(UnpairedReason.NOT_VXLAN)));
        assertThat(view.innerList().rows().size()).isZero();
        assertThat(view.outerList().rows().size()).isEqualTo(view.run().result().unpairedOuter().size());

        robot.interact(() -> view.showChoice().setValue(PairFilter.ALL));
        assertThat(view.innerList().rows().size()).isEqualTo(view.run().inner().packetCount());
    }

    @Test
    void theHistogramCountsEveryPair(FxRobot robot) throws Exception {
        ready();
        int pairs = correlateDirectly().pairs().size();
        assertThat(pairs).isPositive();
        assertThat(view.histogram().total()).isEqualTo(pairs);
        int charted = 0;
        for (XYChart.Series<String, Number> s : view.histogramChart().getData()) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                charted += d.getYValue().intValue();
            }
        }
        assertThat(charted).isEqualTo(pairs);
        assertThat(view.histogramChart().getData()).extracting(XYChart.Series::getName)
                .containsExactlyInAnyOrder("encapsulated", "decapsulated");
        assertThat(robot.lookup(".chart-bar").queryAll()).isNotEmpty();
    }

    @Test
    void theVniTableShowsVni100AndFlagsAnotherSegmentationId(FxRobot robot) throws Exception {
        ready();
        assertThat(view.vniTable().getItems()).extracting(VniMapReport.Row::vni, VniMapReport.Row::vniHex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(100, "0x64"));
        assertThat(view.vniTable().findings()).isEmpty();
        assertThat(view.vniExplanationText()).startsWith("VNI 100 = 0x64, as set_tunnel:0x64 shows it.");

        // the lab's own OpenNebula network agrees with the wire
        robot.interact(() -> view.loadTopology(List.of(DIR.resolve("onevnet-show.txt"))));
        assertThat(view.vniTable().findings()).isEmpty();
        assertThat(view.vniExplanationText()).contains("No mismatch");
        robot.interact(() -> view.vniTable().getSelectionModel().clearSelection());

        // an OpenStack network whose segmentation ID is 1010: neither VNI matches any more
        String network = Files.readString(Path.of("samples/openstack-4789/openstack-network-show.txt"))
                .replace("| provider:segmentation_id  | 320  ", "| provider:segmentation_id  | 1010 ");
        assertThat(network).contains("| 1010 ");
        Path other = tmp.resolve("network-show-1010.txt");
        Files.writeString(other, network);
        Path notTopology = DIR.resolve("ping-vm1-vm2.txt");
        robot.interact(() -> view.loadTopology(List.of(other, notTopology)));

        assertThat(view.vniTable().getItems()).extracting(VniMapReport.Row::vni).containsExactly(100, 1010);
        assertThat(view.vniTable().findings()).extracting(VniMapReport.Finding::kind, VniMapReport.Finding::vni)
                .contains(org.assertj.core.groups.Tuple.tuple("vni-not-seen", 1010));
        assertThat(view.vniTable().hasFinding(1010)).isTrue();
        assertThat(view.topologyStatusText()).contains("network-show-1010.txt")
                .contains("skipped ping-vm1-vm2.txt: not a format vni-map reads");

        robot.interact(() -> view.vniTable().getSelectionModel().select(1));
        assertThat(view.vniExplanationText()).startsWith("VNI 1010 = 0x3f2, as set_tunnel:0x3f2 shows it.")
                .contains("Mismatch (vni-not-seen)");
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> red = robot.lookup("#vni-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof VniMapReport.Row row && row.vni() == 1010).findFirst()
                .orElseThrow();
        assertThat(red.getStyleClass()).contains("vni-mismatch");
    }

    private TableRow<?> rowNode(String table, int row) throws Exception {
        return CorrelationStage.rowNode(view, table, row);
    }

    private double centreIn(TableRow<?> r) {
        PartnerLine l = view.partnerLine();
        return l.sceneToLocal(r.localToScene(r.getLayoutBounds())).getCenterY();
    }
}
