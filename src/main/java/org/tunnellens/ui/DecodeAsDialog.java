package org.tunnellens.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tunnellens.dissect.DecodeAsRule;
import org.tunnellens.dissect.DecodeConfig;
import org.tunnellens.dissect.DissectorTables;

/**
 * Wireshark's Analyze → Decode As…: rules "this port carries that protocol" (VXLAN on a lab's odd port), and the
 * heuristics switched on or off. Returns the new configuration, or nothing when cancelled.
 */
public final class DecodeAsDialog extends Dialog<DecodeConfig> {
    private static final List<String> TABLES = List.of("udp.port", "tcp.port", "ethertype", "ip.proto");

    private final VBox rules = new VBox(6);
    private final List<CheckBox> heuristics = new ArrayList<>();
    private final Label error = new Label();

    public DecodeAsDialog(Window owner, DecodeConfig current) {
        initOwner(owner);
        setTitle("Decode As");
        setHeaderText("Decode a port or type as a protocol (tshark's -d), and switch heuristics on or off");
        for (DecodeAsRule r : current.decodeAs()) {
            addRow(r.table(), r.from() == r.to() ? Integer.toString(r.from()) : r.from() + "-" + r.to(),
                    r.protocol());
        }
        Button add = new Button("+ Add rule");
        add.setId("decode-as-add");
        add.setOnAction(e -> addRow("udp.port", "", "vxlan"));
        VBox heur = new VBox(4, new Label("Heuristics (tried on payloads no port or type claims):"));
        DissectorTables t = current.tables();
        for (DissectorTables.HeuristicEntry h : DissectorTables.defaults().heuristics()) {
            CheckBox box = new CheckBox(h.label() + "  (" + h.name() + ")");
            box.setUserData(h.name());
            box.setSelected(t.heuristicEnabled(h.name()));
            heuristics.add(box);
            heur.getChildren().add(box);
        }
        error.getStyleClass().add("filter-error");
        error.setWrapText(true);
        VBox content = new VBox(10, rules, add, heur, error);
        content.setPadding(new Insets(10));
        content.setPrefWidth(560);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                build();
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume(); // keep the dialog open until the rule reads
            }
        });
        setResultConverter(b -> b == ButtonType.OK ? build() : null);
    }

    private void addRow(String table, String value, String protocol) {
        ComboBox<String> tableBox = new ComboBox<>();
        tableBox.getItems().setAll(TABLES);
        tableBox.setValue(table);
        TextField valueField = new TextField(value);
        valueField.setPromptText("8473 or 8000-8010");
        valueField.setPrefColumnCount(10);
        ComboBox<String> proto = new ComboBox<>();
        proto.getItems().setAll(DissectorTables.defaults().decodeAsNames());
        proto.setValue(protocol);
        Button remove = new Button("−");
        remove.setTooltip(new Tooltip("Remove this rule"));
        HBox row = new HBox(6, tableBox, new Label("=="), valueField, new Label("decode as"), proto, remove);
        row.getStyleClass().add("decode-as-rule");
        remove.setOnAction(e -> rules.getChildren().remove(row));
        rules.getChildren().add(row);
    }

    /** The configuration the rows describe; a rule that does not read throws with tshark-like wording. */
    DecodeConfig build() {
        DecodeConfig c = DecodeConfig.defaults();
        for (var node : rules.getChildren()) {
            HBox row = (HBox) node;
            @SuppressWarnings("unchecked")
            ComboBox<String> table = (ComboBox<String>) row.getChildren().get(0);
            TextField value = (TextField) row.getChildren().get(2);
            @SuppressWarnings("unchecked")
            ComboBox<String> proto = (ComboBox<String>) row.getChildren().get(4);
            c = c.withDecodeAs(table.getValue() + "==" + value.getText().strip() + "," + proto.getValue());
        }
        DissectorTables defaults = DissectorTables.defaults();
        for (CheckBox box : heuristics) {
            String name = (String) box.getUserData();
            if (box.isSelected() != defaults.heuristicEnabled(name)) {
                c = c.withHeuristic(name, box.isSelected());
            }
        }
        return c;
    }
}
