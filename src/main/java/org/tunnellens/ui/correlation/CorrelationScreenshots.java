package org.tunnellens.ui.correlation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.tunnellens.analysis.correlation.CorrelationOptions;
import org.tunnellens.analysis.correlation.UnpairedReason;
import org.tunnellens.ui.Screenshots;

/**
 * The documented correlation screenshots (scripts/correlation-screenshots.sh), and a way to open the window
 * straight from a shell:
 * {@code java -cp tunnellens.jar org.tunnellens.ui.correlation.CorrelationScreenshots OUTER INNER
 * [--topology FILE]... [--select-outer N | --select-inner N] [--show paired|unpaired|REASON] [--vni N]
 * [--screenshot FILE.png]}. Without --screenshot the window stays open.
 */
public final class CorrelationScreenshots {
    private CorrelationScreenshots() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX entry point; a nested class so the fat jar's class path start works without module flags. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            List<String> a = getParameters().getRaw();
            List<Path> files = new ArrayList<>();
            List<Path> topology = new ArrayList<>();
            Path shot = null;
            String show = null;
            int selectOuter = 0;
            int selectInner = 0;
            int vni = -1;
            double w = 1440;
            double h = 900;
            for (int i = 0; i < a.size(); i++) {
                boolean more = i + 1 < a.size();
                switch (a.get(i)) {
                    case "--topology" -> topology.add(Path.of(more ? a.get(++i) : ""));
                    case "--screenshot" -> shot = more ? Path.of(a.get(++i)) : null;
                    case "--show" -> show = more ? a.get(++i) : null;
                    case "--select-outer" -> selectOuter = more ? Integer.parseInt(a.get(++i)) : 0;
                    case "--select-inner" -> selectInner = more ? Integer.parseInt(a.get(++i)) : 0;
                    case "--vni" -> vni = more ? Integer.parseInt(a.get(++i)) : -1;
                    case "--size" -> {
                        String[] wh = more ? a.get(++i).split("x") : new String[] {"1440", "900"};
                        w = Double.parseDouble(wh[0]);
                        h = Double.parseDouble(wh[1]);
                    }
                    default -> files.add(Path.of(a.get(i)));
                }
            }
            if (files.isEmpty()) {
                System.err.println("usage: CorrelationScreenshots OUTER [INNER] [options]");
                Platform.exit();
                return;
            }
            Path outer = files.get(0);
            Path inner = files.size() > 1 ? files.get(1) : outer;
            CorrelationView view = new CorrelationView(outer, inner, CorrelationWindow.annotator());
            Scene scene = new Scene(view, w, h);
            CorrelationWindow.style(scene);
            stage.setScene(scene);
            stage.setTitle("Correlation: " + outer.getFileName() + " \u2194 " + inner.getFileName());
            stage.show();
            view.start(CorrelationOptions.defaults());
            final Path png = shot;
            final String filter = show;
            final int so = selectOuter;
            final int si = selectInner;
            final int chosenVni = vni;
            view.whenReady(() -> {
                if (view.failure() != null) {
                    System.err.println("tunnellens: " + view.failure());
                }
                if (!topology.isEmpty()) {
                    view.loadTopology(topology);
                }
                if (filter != null && view.run() != null) {
                    view.showOnly(parse(filter));
                }
                if (chosenVni >= 0) {
                    view.vniTable().getItems().stream().filter(r -> r.vni() == chosenVni).findFirst()
                            .ifPresent(r -> view.vniTable().getSelectionModel().select(r));
                }
                PauseTransition layout = new PauseTransition(Duration.millis(800));
                layout.setOnFinished(e -> {
                    if (view.run() != null && so > 0) {
                        view.outerList().select(so - 1);
                    } else if (view.run() != null && si > 0) {
                        view.innerList().select(si - 1);
                    }
                    if (png != null) {
                        PauseTransition settle = new PauseTransition(Duration.millis(900));
                        settle.setOnFinished(e2 -> {
                            try {
                                Screenshots.write(scene, png);
                                System.out.println("wrote " + png);
                            } catch (IOException ex) {
                                System.err.println("tunnellens: cannot write " + png + ": " + ex.getMessage());
                            }
                            Platform.exit();
                        });
                        settle.play();
                    }
                });
                layout.play();
            });
        }

        private static PairFilter parse(String s) {
            return switch (s) {
                case "all" -> PairFilter.ALL;
                case "paired" -> PairFilter.PAIRED;
                case "unpaired" -> PairFilter.UNPAIRED;
                default -> {
                    for (UnpairedReason r : UnpairedReason.values()) {
                        if (r.key().equals(s)) {
                            yield PairFilter.because(r);
                        }
                    }
                    throw new IllegalArgumentException("--show: " + s + " is not all, paired, unpaired or a reason");
                }
            };
        }
    }
}
