package org.tunnellens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a student uses it, driven headless through TestFX and Monocle. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
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

    private CaptureTab open(FxRobot robot, Path file) throws Exception {
        List<CaptureTab> tabs = new ArrayList<>();
        robot.interact(() -> tabs.addAll(window.open(List.of(file))));
        CaptureTab tab = tabs.get(0);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, tab::isLoaded);
        WaitForAsyncUtils.waitForFxEvents();
        return tab;
    }

    private static void waitUntil(Supplier<Boolean> condition) throws Exception {
        FxWait.until(condition, 20);
    }

    @Test
    void filterChangesTheRowCountAndTheStatusBar(FxRobot robot) throws Exception {
        CaptureTab tab = open(robot, CorpusFiles.VXLAN_4789);
        assertThat(tab.rows().size()).isEqualTo(10);
        assertThat(tab.statusText()).contains("Packets: 10").contains("Displayed: 10");

        robot.clickOn("#filter-field").write("ar");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tab.filterBar().isValid()).isFalse();
        assertThat(tab.filterBar().field().getStyleClass()).contains("filter-invalid");
        assertThat(tab.filterBar().errorText()).isEqualTo("column 1");

        robot.write("p");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tab.filterBar().field().getStyleClass()).contains("filter-valid");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> tab.rows().size() == 2);
        assertThat(tab.rows().packets()).containsExactly(1, 2);
        waitUntil(() -> tab.statusText().contains("Displayed: 2"));
        assertThat(tab.statusText()).contains("Packets: 10 \u00b7 Displayed: 2 (20.0%)");
        assertThat(tab.filterBar().history()).containsExactly("arp");

        robot.interact(() -> {
            tab.filterBar().setText("");
            tab.filterBar().apply();
        });
        waitUntil(() -> tab.rows().size() == 10);
    }

    @Test
    void selectingAPacketShowsItsTreeBytesAndExplanation(FxRobot robot) throws Exception {
        CaptureTab tab = open(robot, CorpusFiles.VXLAN_4789);
        robot.interact(() -> tab.selectPacket(0));
        waitUntil(() -> tab.details().getRoot() != null);
        List<String> layers = tab.details().getRoot().getChildren().stream()
                .map(t -> t.getValue().fieldName()).toList();
        assertThat(layers).containsExactly("frame", "eth", "ip", "udp", "vxlan", "eth", "ip", "icmp", "data");
        assertThat(tab.hex().bytes()).hasSize(148);
        assertThat(tab.explain().heading()).contains("Virtual eXtensible Local Area Network");
        assertThat(tab.explain().text()).contains("The VNI here is 100 (0x64)");

        assertThat(item(tab, "icmp.resp_in").getValue().label()).startsWith("[Response in: 4]");
        robot.interact(tab::followLink);
        assertThat(tab.selectedPacket()).isEqualTo(3);
        assertThat(item(tab, "icmp.resp_to").getValue().label()).startsWith("[Request in: 1]");
        robot.interact(() -> tab.selectPacket(0));
        WaitForAsyncUtils.waitForFxEvents();

        TreeItem<DetailNode> vni = item(tab, "vxlan.vni");
        robot.interact(() -> tab.details().getSelectionModel().select(vni));
        assertThat(tab.hex().highlighted()).containsExactly(46, 47, 48);

        // clicking a byte of the inner IP's source address selects that field in the tree
        robot.clickOn(robot.lookup(".hex-byte").nth(77).queryAs(javafx.scene.control.Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<DetailNode> sel = tab.details().getSelectionModel().getSelectedItem();
        assertThat(sel.getValue().fieldName()).isEqualTo("ip.src");
        assertThat(sel.getValue().depth()).isEqualTo(1);
        assertThat(tab.hex().highlighted()).containsExactly(76, 77, 78, 79);
        assertThat(tab.explain().heading()).contains("Internet Protocol Version 4").contains("[inner]");
        assertThat(tab.explain().text()).contains("192.168.203.3");
    }

    @Test
    void reassembledDatagramIsDecodedAndItsBytesShownBelowTheFrame(FxRobot robot) throws Exception {
        CaptureTab tab = open(robot, Path.of("samples/openstack-4789/compute1-ens3.pcap"));
        robot.interact(() -> tab.selectPacket(31)); // frame 32: the last fragment of the oversize ping
        waitUntil(() -> tab.details().getRoot() != null);
        List<String> layers = tab.details().getRoot().getChildren().stream()
                .map(t -> t.getValue().fieldName()).toList();
        assertThat(layers).containsExactly("frame", "eth", "ip", "udp", "vxlan", "eth", "ip", "icmp", "data");
        assertThat(item(tab, "ip.fragments").getValue().label())
                .isEqualTo("2 IPv4 Fragments (1530 bytes): #31(1480), #32(50)");
        assertThat(robot.lookup(".hex-heading").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("Reassembled IPv4 (1530 bytes)");
        // the VNI lies in the reassembled datagram: UDP header (8) + VXLAN flags (4) after the 84-byte frame
        TreeItem<DetailNode> vni = item(tab, "vxlan.vni");
        robot.interact(() -> tab.details().getSelectionModel().select(vni));
        assertThat(tab.hex().highlighted()).containsExactly(96, 97, 98);
    }

    @Test
    void listShowsWhatTheFirstPassKnowsOnceItHasRun(FxRobot robot) throws Exception {
        CaptureTab tab = open(robot, Path.of("samples/openstack-4789/compute1-ens3.pcap"));
        waitUntil(tab::firstPassDone);
        // as Wireshark's list after loading (tshark -2): the reply's frame, and where a fragment was reassembled
        assertThat(tab.row(4).info()).endsWith("(reply in 6)");
        assertThat(tab.row(30).info()).endsWith("[Reassembled in #32]");
        assertThat(tab.row(31).info()).endsWith("(reply in 34)");
    }

    @Test
    void truncatedCaptureKeepsItsPacketsAndNotifies(FxRobot robot) throws Exception {
        byte[] whole = Files.readAllBytes(CorpusFiles.VXLAN_4789);
        Path cut = tmp.resolve("cut-short.pcap");
        // the last record is 16 + 148 bytes: dropping 100 leaves it cut short
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 100));
        CaptureTab tab = open(robot, cut);
        assertThat(tab.rows().size()).isEqualTo(9);
        waitUntil(() -> tab.notifications().isShowing());
        assertThat(tab.notifications().getText()).contains("cut-short.pcap").contains("byte offset")
                .contains("9 packets before it are shown");
        assertThat(window.statusText()).contains("cut-short.pcap").contains("byte offset");
    }

    @Test
    void fileThatIsNotACaptureShowsANotificationNotACrash(FxRobot robot) throws Exception {
        Path junk = tmp.resolve("notes.pcap");
        Files.writeString(junk, "this is not a capture file at all\n");
        CaptureTab tab = open(robot, junk);
        waitUntil(() -> tab.notifications().isShowing());
        assertThat(tab.notifications().getText()).contains("notes.pcap").contains("not a pcap or pcapng file")
                .contains("byte offset 0");
        assertThat(tab.rows()).isEmpty();
        assertThat(tab.statusText()).contains("notes.pcap");
    }

    @Test
    void severalCapturesOpenAsTabs(FxRobot robot) throws Exception {
        CaptureTab a = open(robot, CorpusFiles.VXLAN_4789);
        CaptureTab b = open(robot, Path.of("samples/corpus/vxlan-8472.pcap"));
        assertThat(window.tabs().getTabs()).contains(a, b);
        assertThat(b.getText()).startsWith("vxlan-8472.pcap");
        assertThat(b.rows().size()).isEqualTo(b.file().packetCount()).isPositive();
    }

    @Test
    void typingAFieldNameOffersCompletionsFromTheRegistry(FxRobot robot) throws Exception {
        open(robot, CorpusFiles.VXLAN_4789);
        robot.clickOn("#filter-field").write("vrrp.pr");
        waitUntil(() -> !robot.lookup(".auto-complete-popup .list-cell").queryAll().isEmpty());
        List<String> offered = robot.lookup(".auto-complete-popup .list-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).filter(t -> t != null).toList();
        assertThat(offered).containsExactly("vrrp.prio");
    }

    @Test
    @SuppressWarnings("unchecked")
    void sortingByAColumnReordersTheRowsAndBack(FxRobot robot) throws Exception {
        CaptureTab tab = open(robot, CorpusFiles.VXLAN_4789);
        var length = (javafx.scene.control.TableColumn<Integer, ?>) tab.table().getColumns().get(5);
        assertThat(length.getText()).isEqualTo("Length");
        robot.interact(() -> {
            length.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            tab.table().getSortOrder().setAll(length);
        });
        // the two ARP packets (92 bytes) come first, then the eight pings (148), each group in file order
        assertThat(tab.rows().packets()).containsExactly(1, 2, 0, 3, 4, 5, 6, 7, 8, 9);
        robot.interact(() -> length.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING));
        assertThat(tab.rows().packets()).containsExactly(0, 3, 4, 5, 6, 7, 8, 9, 1, 2);
        robot.interact(() -> tab.table().getSortOrder().clear());
        assertThat(tab.rows().packets()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    private static TreeItem<DetailNode> item(CaptureTab tab, String name) {
        List<TreeItem<DetailNode>> stack = new ArrayList<>(tab.details().getRoot().getChildren());
        while (!stack.isEmpty()) {
            TreeItem<DetailNode> it = stack.remove(0);
            if (it.getValue().fieldName().equals(name)) {
                return it;
            }
            stack.addAll(it.getChildren());
        }
        throw new AssertionError(name);
    }
}
