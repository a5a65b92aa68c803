package org.tunnellens.ui.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunnellens.analysis.correlation.CorrelationOptions;
import org.tunnellens.ui.MainWindow;
import org.tunnellens.ui.RecentFiles;

/** How the correlation window is reached from the main window, and what it does with a file it cannot read. */
@ExtendWith(ApplicationExtension.class)
class CorrelationWindowTest {
    @TempDir
    static Path tmp;

    private MainWindow main;

    @Start
    void start(Stage stage) {
        main = new MainWindow(new RecentFiles(tmp.resolve("recent.txt")), ZoneId.of("UTC"));
        Scene scene = new Scene(main, 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theAnalyzeMenuOffersCorrelation(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> items = bar.getMenus().stream().filter(m -> m.getText().equals("Analyze"))
                .flatMap(m -> m.getItems().stream()).map(MenuItem::getText).toList();
        assertThat(items).contains("Correlate captures...");
    }

    @Test
    void anUnreadableCaptureIsNamedInsteadOfShowingLists(FxRobot robot) throws Exception {
        Path junk = tmp.resolve("junk.pcap");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
            23, 24, 25, 26, 27, 28});
        CorrelationView[] view = new CorrelationView[1];
        robot.interact(() -> view[0] = CorrelationWindow.open(main.getScene().getWindow(), junk,
                Path.of("samples/opennebula-8472/kvm2-vxlan_bridge.pcap"), List.of()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, view[0]::isReady);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view[0].failure()).contains("junk.pcap");
        assertThat(view[0].run()).isNull();
        robot.interact(() -> view[0].getScene().getWindow().hide());
    }

    @Test
    void oneCaptureTwiceIsCorrelatedAsASingleCapture(FxRobot robot) throws Exception {
        Path any = Path.of("samples/corpus/vxlan-4789.pcap");
        CorrelationView[] view = new CorrelationView[1];
        robot.interact(() -> {
            view[0] = new CorrelationView(any, any, CorrelationWindow.annotator());
            view[0].start(CorrelationOptions.defaults());
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, view[0]::isReady);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view[0].failure()).isNull();
        assertThat(view[0].run().inner()).isSameAs(view[0].run().outer());
        assertThat(view[0].run().result().summary().mode().toString()).isEqualTo("SINGLE_CAPTURE");
        robot.interact(view[0]::close);
    }
}
