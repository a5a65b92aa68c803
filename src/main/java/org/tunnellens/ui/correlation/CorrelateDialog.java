package org.tunnellens.ui.correlation;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks which two captures to pair: any two of the open tabs, or files picked from disk. The guess puts a bridge,
 * tap or vxlan device capture on the inner side, since that is what students name them after.
 */
public final class CorrelateDialog {
    private static final List<String> INNER_HINTS = List.of("bridge", "vxlan_", "vxlan-", "tap", "br-", "brq",
            "one-", "vnet");

    private CorrelateDialog() {
    }

    /** The main window's Analyze > Correlate captures: offers its open tabs. */
    public static void show(org.tunnellens.ui.MainWindow main) {
        show(main.getScene().getWindow(), main.tabs().getTabs().stream()
                .filter(org.tunnellens.ui.CaptureTab.class::isInstance)
                .map(t -> ((org.tunnellens.ui.CaptureTab) t).path()).toList());
    }

    /** Shows the dialog and, on OK, the correlation window. */
    public static void show(Window owner, List<Path> openCaptures) {
        List<Path> choices = new ArrayList<>(openCaptures.stream().distinct().toList());
        Path[] guess = guess(choices);
        ComboBox<Path> outer = new ComboBox<>(FXCollections.observableArrayList(choices));
        ComboBox<Path> inner = new ComboBox<>(FXCollections.observableArrayList(choices));
        outer.setId("correlate-outer");
        inner.setId("correlate-inner");
        outer.setValue(guess[0]);
        inner.setValue(guess[1]);
        outer.setPrefWidth(520);
        inner.setPrefWidth(520);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        g.addRow(0, new Label("Outer (underlay NIC, VXLAN):"), outer, browse(owner, outer, inner));
        g.addRow(1, new Label("Inner (bridge / vxlan device):"), inner, browse(owner, inner, outer));
        g.add(new Label("Pass the same file twice for an 'any' capture or a pcapng of several interfaces."),
                0, 2, 3, 1);
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Correlate captures");
        d.setHeaderText("Pair each frame inside VXLAN with the same frame on the bridge");
        d.initOwner(owner);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(outer.valueProperty().isNull().or(inner.valueProperty().isNull()));
        d.showAndWait().filter(b -> b == ButtonType.OK)
                .ifPresent(b -> CorrelationWindow.open(owner, outer.getValue(), inner.getValue(), List.of()));
    }

    private static Button browse(Window owner, ComboBox<Path> target, ComboBox<Path> other) {
        Button b = new Button("Browse...");
        b.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Choose a capture");
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Captures", "*.pcap", "*.pcapng", "*.cap"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File f = fc.showOpenDialog(owner);
            if (f != null) {
                Path p = f.toPath();
                if (!target.getItems().contains(p)) {
                    target.getItems().add(p);
                    other.getItems().add(p);
                }
                target.setValue(p);
            }
        });
        return b;
    }

    /** {outer, inner} from the open captures: a bridge-like name goes inner; nulls when there are too few. */
    static Path[] guess(List<Path> open) {
        Path inner = open.stream().filter(CorrelateDialog::looksInner).findFirst().orElse(null);
        // the underlay capture of the same host as the bridge: lab files start with the host name
        String host = inner == null ? null : hostOf(inner);
        Path outer = open.stream().filter(p -> !p.equals(inner) && !looksInner(p))
                .filter(p -> host == null || host.equals(hostOf(p))).findFirst()
                .orElse(open.stream().filter(p -> !p.equals(inner) && !looksInner(p)).findFirst().orElse(null));
        if (inner == null && open.size() >= 2) {
            return new Path[] {open.get(0), open.get(1)};
        }
        if (outer == null && inner != null) {
            outer = open.stream().filter(p -> !p.equals(inner)).findFirst().orElse(null);
        }
        return new Path[] {outer, inner};
    }

    private static String hostOf(Path p) {
        String n = p.getFileName().toString();
        int dash = n.indexOf('-');
        return dash > 0 ? n.substring(0, dash) : null;
    }

    private static boolean looksInner(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return INNER_HINTS.stream().anyMatch(n::contains);
    }
}
