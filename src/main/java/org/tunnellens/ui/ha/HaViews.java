package org.tunnellens.ui.ha;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.concurrent.Task;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.tunnellens.analysis.lvs.LvsAnalysis;
import org.tunnellens.analysis.lvs.LvsAnalyzer;
import org.tunnellens.analysis.vrrp.VrrpAnalysis;
import org.tunnellens.analysis.vrrp.VrrpAnalyzer;
import org.tunnellens.ui.CaptureTab;
import org.tunnellens.ui.MainWindow;
import org.tunnellens.ui.TunnelLensApp;

/**
 * The main window's Analyze menu for keepalived and LVS: each item analyses the captures open in the window's
 * tabs on a worker thread and opens the view in its own window, linked back to those tabs.
 */
public final class HaViews {
    private HaViews() {
    }

    public static Menu analyzeMenu(MainWindow window) {
        MenuItem vrrp = new MenuItem("VRRP timeline\u2026");
        vrrp.setId("menu-vrrp-timeline");
        vrrp.setOnAction(e -> openVrrp(window));
        MenuItem lvs = new MenuItem("LVS-NAT\u2026");
        lvs.setId("menu-lvs-nat");
        lvs.setOnAction(e -> openLvs(window));
        return new Menu("Analyze", null, vrrp, lvs);
    }

    /** Analyses the open tabs' files and shows the VRRP view; returns the running analysis. */
    public static Task<VrrpAnalysis> openVrrp(MainWindow window) {
        List<CaptureTab> tabs = captureTabs(window);
        return open(window, tabs, "VRRP timeline", files -> VrrpAnalyzer.analyze(files, org.tunnellens.ui.DecodeSettings.current()),
                (a, paths) -> new VrrpView(a, names(paths), new CaptureTabsLink(window, tabs)));
    }

    /** Analyses the open tabs' files and shows the LVS-NAT view; returns the running analysis. */
    public static Task<LvsAnalysis> openLvs(MainWindow window) {
        List<CaptureTab> tabs = captureTabs(window);
        return open(window, tabs, "LVS-NAT", files -> LvsAnalyzer.analyze(files, org.tunnellens.ui.DecodeSettings.current()),
                (a, paths) -> new LvsView(a, names(paths), new CaptureTabsLink(window, tabs)));
    }

    private static List<CaptureTab> captureTabs(MainWindow window) {
        return window.tabs().getTabs().stream().filter(CaptureTab.class::isInstance).map(CaptureTab.class::cast)
                .toList();
    }

    /**
     * The analysis reads the files itself (it needs every packet, not the tab's displayed ones) on a worker; only
     * building the view, which is cheap, runs on the FX thread.
     */
    private static <A> Task<A> open(MainWindow window, List<CaptureTab> tabs, String title,
                                    Function<List<Path>, A> analyse, BiFunction<A, List<Path>, Parent> view) {
        List<Path> paths = tabs.stream().map(CaptureTab::path).toList();
        if (paths.isEmpty()) {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "Open the captures to analyse first (File > Open).");
            a.setHeaderText(null);
            a.setTitle(title);
            a.initOwner(window.getScene().getWindow());
            a.show();
            return null;
        }
        Task<A> task = new Task<>() {
            @Override
            protected A call() {
                return analyse.apply(paths);
            }
        };
        task.setOnSucceeded(e -> show(window, title + " \u2014 " + names(paths),
                view.apply(task.getValue(), paths)));
        task.setOnFailed(e -> {
            Alert a = new Alert(Alert.AlertType.ERROR, title + " failed: " + task.getException());
            a.initOwner(window.getScene().getWindow());
            a.show();
        });
        Thread t = new Thread(task, title);
        t.setDaemon(true);
        t.start();
        return task;
    }

    private static void show(MainWindow window, String title, Parent view) {
        Stage stage = new Stage();
        stage.initOwner(window.getScene().getWindow());
        stage.setTitle(title);
        Scene scene = new Scene(view, 1280, 820);
        TunnelLensApp.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    static String names(List<Path> paths) {
        return String.join(", ", paths.stream().map(p -> p.getFileName().toString()).toList());
    }
}
