package org.tunnellens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunnellens.dissect.DecodeConfig;

/** Analyze → Decode As…: a rule changes what every open tab shows at once, and is kept for the next run. */
@ExtendWith(ApplicationExtension.class)
class DecodeAsTest {
    @TempDir
    static Path tmp;

    private MainWindow window;

    @BeforeAll
    static void ownConfigDirectory() {
        System.setProperty("tunnellens.config.dir", tmp.resolve("config").toString());
    }

    @AfterAll
    static void restore() throws Exception {
        DecodeSettings.set(DecodeConfig.defaults());
        System.clearProperty("tunnellens.config.dir");
    }

    @Start
    void start(Stage stage) throws Exception {
        DecodeSettings.set(DecodeConfig.defaults());
        window = new MainWindow(new RecentFiles(tmp.resolve("recent.txt")), ZoneId.of("UTC"));
        Scene scene = new Scene(window, 1280, 800);
        TunnelLensApp.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    private CaptureTab open(FxRobot robot, Path file) throws Exception {
        List<CaptureTab> tabs = new ArrayList<>();
        robot.interact(() -> tabs.addAll(window.open(List.of(file))));
        CaptureTab tab = tabs.get(0);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, tab::isLoaded);
        WaitForAsyncUtils.waitForFxEvents();
        return tab;
    }

    @Test
    void ruleTakesVxlanAwayFromItsPortInEveryTabAndIsSaved(FxRobot robot) throws Exception {
        CaptureTab tab = open(robot, CorpusFiles.VXLAN_4789);
        assertThat(tab.row(0).protocol()).isEqualTo("ICMP");
        DecodeConfig noVxlan = DecodeConfig.defaults().withDecodeAs("udp.port==4789,data")
                .withHeuristic("vxlan_udp", false);
        robot.interact(() -> window.useDecodeConfig(noVxlan));
        FxWait.until(() -> "UDP".equals(tab.row(0).protocol()), 20);
        assertThat(tab.row(0).info()).isEqualTo("45149 \u2192 4789 Len=106");
        assertThat(Files.readString(tmp.resolve("config/decode_as_entries")))
                .contains("decode_as_entry: udp.port,4789,(none),data");
        assertThat(Files.readString(tmp.resolve("config/heuristic_protos"))).contains("vxlan_udp,0");
        assertThat(DecodeSettings.load(tmp.resolve("config"))).isEqualTo(noVxlan);

        robot.interact(() -> window.useDecodeConfig(DecodeConfig.defaults()));
        FxWait.until(() -> "ICMP".equals(tab.row(0).protocol()), 20);
    }

    @Test
    void dialogBuildsTheRuleAStudentTypesAndRefusesOneThatDoesNotRead(FxRobot robot) throws Exception {
        DecodeAsDialog[] dialog = new DecodeAsDialog[1];
        robot.interact(() -> {
            dialog[0] = new DecodeAsDialog(window.getScene().getWindow(), DecodeConfig.defaults());
            dialog[0].show();
        });
        robot.clickOn("#decode-as-add");
        WaitForAsyncUtils.waitForFxEvents();
        HBox row = robot.lookup(".decode-as-rule").queryAs(HBox.class);
        TextField value = (TextField) row.getChildren().get(2);
        @SuppressWarnings("unchecked")
        ComboBox<String> proto = (ComboBox<String>) row.getChildren().get(4);
        assertThat(proto.getItems()).contains("vxlan", "geneve", "ntp", "data");
        robot.clickOn(value).write("84x3");
        DialogPane pane = dialog[0].getDialogPane();
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        robot.clickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".filter-error").queryLabeled().getText())
                .isEqualTo("decode-as rule \"udp.port==84x3,vxlan\": \"84x3\" is not a port number");
        assertThat(dialog[0].isShowing()).isTrue();

        robot.interact(() -> value.setText("8473"));
        robot.clickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog[0].isShowing()).isFalse();
        assertThat(dialog[0].getResult()).isEqualTo(DecodeConfig.defaults().withDecodeAs("udp.port==8473,vxlan"));
    }
}
