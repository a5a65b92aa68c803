package org.tunnellens.ui.correlation;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.tunnellens.analysis.correlation.CorrelationOptions;

/** A correlation view of two captures on a TestFX stage, styled as the window styles it, already pairing. */
final class CorrelationStage {
    private CorrelationStage() {
    }

    static CorrelationView show(Stage stage, Path outer, Path inner) {
        CorrelationView view = new CorrelationView(outer, inner, CorrelationWindow.annotator());
        Scene scene = new Scene(view, 1280, 800);
        CorrelationWindow.style(scene);
        stage.setScene(scene);
        stage.show();
        view.start(CorrelationOptions.defaults());
        return view;
    }

    /** The visible row {@code row} of the view's table {@code table} (a CSS id), once the table has laid it out. */
    static TableRow<?> rowNode(CorrelationView view, String table, int row) throws Exception {
        org.tunnellens.ui.FxWait.until(() -> findRow(view, table, row) != null, 30);
        return findRow(view, table, row);
    }

    private static TableRow<?> findRow(CorrelationView view, String table, int row) {
        for (Node n : view.lookup(table).lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && r.isVisible() && !r.isEmpty() && r.getIndex() == row) {
                return r;
            }
        }
        return null;
    }
}
