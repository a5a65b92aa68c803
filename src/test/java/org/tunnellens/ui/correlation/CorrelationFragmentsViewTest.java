package org.tunnellens.ui.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The correlation window on the OpenStack lab pair (compute1's ens3 against its vxlan_sys_4789), whose oversize
 * ping crossed the underlay in two outer fragments each way: frames 32 and 34 reassemble them and pair with the
 * inner frames 29 and 30 (as tshark shows), 31 and 33 are their first pieces.
 */
@ExtendWith(ApplicationExtension.class)
class CorrelationFragmentsViewTest {
    static final Path DIR = Path.of("samples/openstack-4789");

    private CorrelationView view;

    @Start
    void start(Stage stage) {
        view = CorrelationStage.show(stage, DIR.resolve("compute1-ens3.pcap"),
                DIR.resolve("compute1-vxlan_sys_4789.pcap"));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(view::close);
    }

    private static void waitUntil(Supplier<Boolean> condition) throws Exception {
        org.tunnellens.ui.FxWait.until(condition, 30);
    }

    @Test
    void theReassemblingFramePairsAndItsPieceNamesItWithoutTheProblemTint(FxRobot robot) throws Exception {
        waitUntil(view::isReady);
        assertThat(view.failure()).isNull();

        robot.interact(() -> view.outerList().select(31)); // frame 32
        assertThat(view.innerList().selectedPacket() + 1).isEqualTo(29);
        assertThat(view.selectionText()).startsWith("Outer frame 32 \u2194 inner frame 29").contains("encapsulated");

        robot.interact(() -> view.outerList().select(30)); // frame 31, the first piece
        assertThat(view.innerList().selectedPacket()).isEqualTo(-1);
        assertThat(view.selectionText()).isEqualTo("Outer frame 31 is a fragment: its datagram is reassembled in "
                + "frame 32, which pairs with inner frame 29");
        assertThat(view.outerList().pairText(31)).isEqualTo("part of 32");
        assertThat(view.outerList().pairText(33)).isEqualTo("part of 34");
        assertThat(view.outerList().pairText(1)).isEqualTo("not-vxlan");

        // not a problem: the piece keeps its own colour, while a frame that is not VXLAN is tinted
        robot.interact(() -> view.outerList().select(32)); // frame 33 scrolled into view
        TableRow<?> piece = rowNode("#outer-list", view.outerList().rows().rowOf(32));
        assertThat(piece.getStyleClass()).contains("corr-fragment").doesNotContain("corr-unpaired");
        assertThat(piece.getTooltip().getText()).isEqualTo("Unpaired (fragment): outer IPv4 fragment of the datagram "
                + "reassembled in frame 34");
        robot.interact(() -> view.outerList().select(0));
        TableRow<?> arp = rowNode("#outer-list", view.outerList().rows().rowOf(0));
        assertThat(arp.getStyleClass()).contains("corr-unpaired");
    }

    private TableRow<?> rowNode(String table, int row) throws Exception {
        return CorrelationStage.rowNode(view, table, row);
    }
}
