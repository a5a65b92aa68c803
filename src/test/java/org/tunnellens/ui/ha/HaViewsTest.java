package org.tunnellens.ui.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunnellens.analysis.lvs.LvsAnalyzer;
import org.tunnellens.analysis.vrrp.VrrpEvent;
import org.tunnellens.analysis.vrrp.VrrpEventType;
import org.tunnellens.ui.CaptureTab;
import org.tunnellens.ui.MainWindow;
import org.tunnellens.ui.RecentFiles;
import org.tunnellens.ui.TunnelLensApp;

/** The two views opened from the Analyze menu on the lab captures, and their link back to the packet lists. */
@ExtendWith(ApplicationExtension.class)
class HaViewsTest {
    @TempDir
    static Path tmp;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new RecentFiles(tmp.resolve("recent.txt")), ZoneId.of("UTC"));
        Scene scene = new Scene(window, 1280, 800);
        TunnelLensApp.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    private List<CaptureTab> open(FxRobot robot, List<Path> files) throws Exception {
        List<CaptureTab> tabs = new ArrayList<>();
        robot.interact(() -> tabs.addAll(window.open(files)));
        for (CaptureTab t : tabs) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, t::isLoaded);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return tabs;
    }

    private static <T> T waitForNode(FxRobot robot, String query, Class<T> type) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return type.cast(robot.lookup(query).query());
    }

    @Test
    void vrrpTimelineShowsTheFailoverAndTakeoverSelectsItsPacketsInTheTab(FxRobot robot) throws Exception {
        List<CaptureTab> tabs = open(robot, HaSamples.VRRP);
        robot.clickOn("Analyze").clickOn("VRRP timeline\u2026");
        @SuppressWarnings("unchecked")
        TableView<VrrpEvent> events = waitForNode(robot, "#vrrp-events", TableView.class);
        VrrpView view = (VrrpView) events.getParent().getParent().getParent();
        assertThat(events.getItems()).extracting(VrrpEvent::type).contains(VrrpEventType.TAKEOVER,
                VrrpEventType.RESIGN, VrrpEventType.PREEMPT);
        // the chart draws the bands' labels and one clickable mark per event
        assertThat(robot.lookup(".vrrp-event-mark").queryAll()).hasSize(events.getItems().size());
        assertThat(robot.from(view.chart()).lookup((Text t) -> t.getText().equals("192.168.200.12  prio 100"))
                .queryAll()).hasSize(1);

        VrrpEvent takeover = events.getItems().stream().filter(e -> e.type() == VrrpEventType.TAKEOVER
                && e.vrid() == 51).findFirst().orElseThrow();
        robot.interact(() -> events.getSelectionModel().select(takeover));
        WaitForAsyncUtils.waitForFxEvents();
        CaptureFrames inEth0 = view.shownFrames().stream().filter(f -> f.frames().contains(7)).findFirst()
                .orElseThrow();
        CaptureTab tab = tabs.stream().filter(t -> t.path().getFileName().toString().equals(inEth0.capture()))
                .findFirst().orElseThrow();
        // the tab of that capture is brought forward with the new master's advert and its GARPs selected
        assertThat(window.current()).contains(tab);
        List<Integer> selected = tab.table().getSelectionModel().getSelectedItems().stream().map(p -> p + 1)
                .toList();
        assertThat(selected).containsAll(inEth0.frames()).contains(7, 8, 12);
        assertThat(view.statusText()).contains("takeover VRID 51");

        // with the filter toggle, the tab's list is reduced to exactly those frames
        robot.interact(() -> {
            view.filterToggle().setSelected(true);
            events.getSelectionModel().clearSelection();
            events.getSelectionModel().select(takeover);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.rows().size() == inEth0.frames().size());
        assertThat(tab.filterBar().field().getText()).isEqualTo(inEth0.filterText());
        assertThat(tab.rows().packets()).containsExactly(
                inEth0.frames().stream().mapToInt(f -> f - 1).toArray());
    }

    @Test
    void lvsViewShowsTheServiceTableAndTheLadderOfConnectionOne(FxRobot robot) throws Exception {
        open(robot, HaSamples.LVS);
        robot.clickOn("Analyze").clickOn("LVS-NAT\u2026");
        @SuppressWarnings("unchecked")
        TableView<ServiceRow> services = waitForNode(robot, "#lvs-services", TableView.class);
        assertThat(services.getItems()).containsExactlyElementsOf(
                ServiceTableRows.of(LvsAnalyzer.analyze(HaSamples.LVS)));
        LadderDiagram ladder = waitForNode(robot, ".lvs-ladder", LadderDiagram.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !ladder.getChildrenUnmodifiable().isEmpty());
        List<String> texts = robot.from(ladder).lookup((Text t) -> true).queryAll().stream()
                .map(n -> ((Text) n).getText()).toList();
        // client -> VIP on the front, client -> real server on the back: the rewrite seen at a glance
        assertThat(String.join("", texts)).contains("10.20.0.10:47619  \u2192  10.20.0.100:80")
                .contains("10.20.0.10:47619  \u2192  172.20.0.11:80")
                .contains("10.20.0.100:80  \u2192  10.20.0.10:47619");
        assertThat(texts).contains("front segment", "back segment");

        Path png = tmp.resolve("ladder.png");
        int[] size = new int[2];
        robot.interact(() -> {
            try {
                int[] s = PngExport.write(ladder, png);
                size[0] = s[0];
                size[1] = s[1];
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(Files.size(png)).isGreaterThan(1000);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(size[0]).isGreaterThan(300);
        assertThat(img.getHeight()).isEqualTo(size[1]).isGreaterThan(300);
    }
}
