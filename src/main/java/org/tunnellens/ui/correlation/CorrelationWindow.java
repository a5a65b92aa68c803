package org.tunnellens.ui.correlation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tunnellens.analysis.correlation.CorrelationOptions;
import org.tunnellens.ui.MacAnnotator;
import org.tunnellens.ui.MacVendors;
import org.tunnellens.ui.TunnelLensApp;

/** A window of its own for one correlation, so both captures' tabs stay usable in the main window beside it. */
public final class CorrelationWindow {
    static final String CSS = "/ui/correlation.css";
    private static MacAnnotator macs;

    private CorrelationWindow() {
    }

    /** Opens the window and starts pairing; topology files, if any, are loaded once the pairing is done. */
    public static CorrelationView open(Window owner, Path outer, Path inner, List<Path> topology) {
        CorrelationView view = new CorrelationView(outer, inner, annotator());
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        // two packet lists side by side want a wide window, but never more than the screen has
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        style(scene);
        stage.setScene(scene);
        stage.setTitle("Correlation: " + outer.getFileName() + " \u2194 " + inner.getFileName());
        stage.setOnHidden(e -> view.close());
        stage.show();
        view.start(CorrelationOptions.defaults().withDecode(org.tunnellens.ui.DecodeSettings.current()));
        if (!topology.isEmpty()) {
            view.whenReady(() -> view.loadTopology(topology));
        }
        return view;
    }

    /** The app's style sheet plus this window's. */
    public static void style(Scene scene) {
        TunnelLensApp.style(scene);
        scene.getStylesheets().add(Objects.requireNonNull(CorrelationWindow.class.getResource(CSS)).toExternalForm());
    }

    static synchronized MacAnnotator annotator() {
        if (macs == null) {
            macs = new MacAnnotator(MacVendors.bundled());
        }
        return macs;
    }
}
