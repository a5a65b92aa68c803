package org.tunnellens.ui.ha;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tunnellens.analysis.lvs.LvsAnalyzer;
import org.tunnellens.analysis.vrrp.VrrpAnalyzer;
import org.tunnellens.ui.Screenshots;
import org.tunnellens.ui.TunnelLensApp;

/**
 * The hidden command line of the documented screenshots of the two views:
 * {@code --vrrp FILE... [--event N] --screenshot OUT.png [--export CHART.png]} and
 * {@code --lvs FILE... [--connection N] --screenshot OUT.png [--export LADDER.png]}. N counts from 1 in the
 * view's list. The window is written once laid out, then the app exits.
 */
public final class HaScreenshot {
    private final List<Path> files = new ArrayList<>();
    private String view;
    private Path screenshot;
    private Path export;
    private int pick = 1;
    private double width = 1440;
    private double height = 900;

    private HaScreenshot() {
    }

    /** True when the arguments ask for one of the views rather than the packet window. */
    public static boolean wanted(List<String> args) {
        return args.contains("--vrrp") || args.contains("--lvs");
    }

    public static void start(Stage stage, List<String> args) {
        HaScreenshot o = parse(args);
        Parent root;
        Node drawing;
        if ("vrrp".equals(o.view)) {
            VrrpView v = new VrrpView(VrrpAnalyzer.analyze(o.files), HaViews.names(o.files), PacketListLink.NONE);
            if (o.pick >= 1 && o.pick <= v.events().getItems().size()) {
                v.events().getSelectionModel().select(o.pick - 1);
            }
            root = v;
            drawing = v.chart();
        } else {
            LvsView v = new LvsView(LvsAnalyzer.analyze(o.files), HaViews.names(o.files), PacketListLink.NONE);
            if (o.pick >= 1 && o.pick <= v.connections().getItems().size()) {
                v.connections().getSelectionModel().select(o.pick - 1);
                v.connections().scrollTo(Math.max(0, o.pick - 4));
            }
            root = v;
            drawing = v.ladder();
        }
        Scene scene = new Scene(root, o.width, o.height);
        TunnelLensApp.style(scene);
        stage.setTitle("TunnelLens");
        stage.setScene(scene);
        stage.show();
        PauseTransition settle = new PauseTransition(Duration.millis(1200));
        settle.setOnFinished(e -> {
            try {
                if (o.screenshot != null) {
                    Screenshots.write(scene, o.screenshot);
                    System.out.println("wrote " + o.screenshot);
                }
                if (o.export != null) {
                    PngExport.write(drawing, o.export);
                    System.out.println("wrote " + o.export);
                }
            } catch (IOException ex) {
                System.err.println("tunnellens: cannot write the screenshot: " + ex.getMessage());
            }
            if (o.screenshot != null || o.export != null) {
                Platform.exit();
            }
        });
        settle.play();
    }

    private static HaScreenshot parse(List<String> args) {
        HaScreenshot o = new HaScreenshot();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean hasNext = i + 1 < args.size();
            switch (a) {
                case "--vrrp" -> o.view = "vrrp";
                case "--lvs" -> o.view = "lvs";
                case "--screenshot" -> o.screenshot = hasNext ? Path.of(args.get(++i)) : null;
                case "--export" -> o.export = hasNext ? Path.of(args.get(++i)) : null;
                case "--event", "--connection" -> o.pick = hasNext ? Integer.parseInt(args.get(++i)) : 1;
                case "--size" -> {
                    String[] wh = hasNext ? args.get(++i).split("x") : new String[] {"1440", "900"};
                    o.width = Double.parseDouble(wh[0]);
                    o.height = Double.parseDouble(wh[1]);
                }
                case "--utc" -> {
                    // the views always show UTC, as the CLI reports do
                }
                default -> o.files.add(Path.of(a));
            }
        }
        return o;
    }
}
