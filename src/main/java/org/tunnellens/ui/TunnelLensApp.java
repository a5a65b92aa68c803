package org.tunnellens.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The desktop app. Arguments are capture files to open; with none it opens the bundled samples. Hidden options
 * for the documented screenshot command: {@code --screenshot FILE.png} writes the window once loaded and exits,
 * {@code --filter TEXT} applies a display filter, {@code --select N} selects packet N, {@code --field NAME}
 * selects that field in the details, {@code --utc} shows times of day in UTC.
 */
public final class TunnelLensApp extends Application {
    static final String CSS = "/ui/tunnellens.css";

    public static void launchApp(String[] args) {
        Application.launch(TunnelLensApp.class, args);
    }

    public static void main(String[] args) {
        launchApp(args);
    }

    /** Adds the app's style sheet to a scene (also used by the tests). */
    public static void style(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(TunnelLensApp.class.getResource(CSS)).toExternalForm());
    }

    @Override
    public void start(Stage stage) {
        if (org.tunnellens.ui.ha.HaScreenshot.wanted(getParameters().getRaw())) {
            org.tunnellens.ui.ha.HaScreenshot.start(stage, getParameters().getRaw());
            return;
        }
        LaunchOptions o = LaunchOptions.parse(getParameters().getRaw());
        MainWindow window = new MainWindow(o.screenshot != null ? new RecentFiles(Path.of("/nonexistent/recent"))
                : RecentFiles.forUser(), o.utc ? ZoneId.of("UTC") : ZoneId.systemDefault());
        double width = o.width;
        double height = o.height;
        if (o.screenshot == null) {
            // a student's laptop screen may be smaller than the default window: never open past its edges
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            width = Math.min(width, screen.getWidth());
            height = Math.min(height, screen.getHeight() - 30);
        }
        Scene scene = new Scene(window, width, height);
        style(scene);
        stage.setTitle("TunnelLens");
        stage.setScene(scene);
        stage.show();
        if (o.screenshot == null) {
            stage.centerOnScreen();
        }
        List<Path> files = o.files.isEmpty() ? SampleCaptures.find() : o.files;
        List<CaptureTab> tabs = window.open(files);
        if (o.filter != null || o.select > 0 || o.screenshot != null) {
            afterLoad(tabs, () -> {
                tabs.forEach(t -> System.out.println(t.loadTimings()));
                prepareAndShoot(window, scene, o);
            });
        }
    }

    private static void afterLoad(List<CaptureTab> tabs, Runnable then) {
        int[] left = {tabs.size()};
        if (tabs.isEmpty()) {
            then.run();
            return;
        }
        for (CaptureTab t : tabs) {
            t.whenLoaded(() -> {
                if (--left[0] == 0) {
                    then.run();
                }
            });
        }
    }

    private static void prepareAndShoot(MainWindow window, Scene scene, LaunchOptions o) {
        window.current().ifPresent(t -> {
            if (o.filter != null) {
                t.filterBar().setText(o.filter);
                t.filterBar().apply();
            }
        });
        // the filter runs on a worker; give it and the layout a moment before selecting and snapping
        PauseTransition wait = new PauseTransition(Duration.millis(1500));
        wait.setOnFinished(e -> {
            window.current().ifPresent(t -> {
                if (o.select > 0) {
                    t.selectPacket(o.select - 1);
                } else if (t.table() != null && !t.rows().isEmpty()) {
                    t.table().getSelectionModel().select(0);
                }
                if (o.field != null && t.details().getRoot() != null) {
                    selectField(t, o.field);
                }
                t.filterBar().field().getParent().requestFocus();
            });
            if (o.screenshot != null) {
                PauseTransition settle = new PauseTransition(Duration.millis(700));
                settle.setOnFinished(e2 -> {
                    try {
                        Screenshots.write(scene, o.screenshot);
                        System.out.println("wrote " + o.screenshot);
                    } catch (IOException ex) {
                        System.err.println("tunnellens: cannot write " + o.screenshot + ": " + ex.getMessage());
                    }
                    Platform.exit();
                });
                settle.play();
            }
        });
        wait.play();
    }

    private static void selectField(CaptureTab t, String name) {
        List<TreeItem<DetailNode>> stack = new ArrayList<>(t.details().getRoot().getChildren());
        while (!stack.isEmpty()) {
            TreeItem<DetailNode> it = stack.remove(0);
            if (name.equals(it.getValue().fieldName())) {
                for (TreeItem<DetailNode> p = it.getParent(); p != null; p = p.getParent()) {
                    p.setExpanded(true);
                }
                t.details().getSelectionModel().select(it);
                t.details().scrollTo(Math.max(0, t.details().getRow(it) - 4));
                return;
            }
            stack.addAll(it.getChildren());
        }
    }

    /** The command line: files plus the hidden screenshot options. */
    static final class LaunchOptions {
        final List<Path> files = new ArrayList<>();
        Path screenshot;
        String filter;
        String field;
        int select;
        boolean utc;
        double width = 1440;
        double height = 900;

        static LaunchOptions parse(List<String> args) {
            LaunchOptions o = new LaunchOptions();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                boolean hasNext = i + 1 < args.size();
                switch (a) {
                    case "--screenshot" -> o.screenshot = hasNext ? Path.of(args.get(++i)) : null;
                    case "--filter" -> o.filter = hasNext ? args.get(++i) : null;
                    case "--field" -> o.field = hasNext ? args.get(++i) : null;
                    case "--select" -> o.select = hasNext ? Integer.parseInt(args.get(++i)) : 0;
                    case "--size" -> {
                        String[] wh = hasNext ? args.get(++i).split("x") : new String[] {"1440", "900"};
                        o.width = Double.parseDouble(wh[0]);
                        o.height = Double.parseDouble(wh[1]);
                    }
                    case "--utc" -> o.utc = true;
                    default -> o.files.add(Path.of(a));
                }
            }
            return o;
        }
    }
}
