package org.tunnellens.ui.correlation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.tunnellens.analysis.vnimap.VniMapReport;

/** One row per VNI (seen or configured); a row with a finding is drawn red and its tooltip says why. */
public final class VniMapTable extends TableView<VniMapReport.Row> {
    private List<VniMapReport.Finding> findings = List.of();
    private boolean topologyLoaded;

    public VniMapTable() {
        setId("vni-table");
        getStyleClass().add("vni-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("VNI", 48, r -> Integer.toString(r.vni())));
        getColumns().add(column("Hex", 58, VniMapReport.Row::vniHex));
        getColumns().add(column("Network", 100, r -> String.join(", ", r.networks())));
        getColumns().add(column("VLAN", 54, r -> r.localVlanByHost().entrySet().stream()
                .map(Map.Entry::getValue).map(String::valueOf).distinct().collect(Collectors.joining(", "))));
        getColumns().add(column("Pkts", 44, r -> Integer.toString(r.seen().packets)));
        getColumns().add(column("Seen VTEPs", 180, r -> String.join(", ", r.seen().vtepPairs)));
        getColumns().add(column("Check", 110, this::status));
        setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(VniMapReport.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("vni-mismatch");
                setTooltip(null);
                if (!empty && row != null && hasFinding(row.vni())) {
                    getStyleClass().add("vni-mismatch");
                    setTooltip(new Tooltip(findings.stream().filter(f -> f.vni() == row.vni())
                            .map(VniMapReport.Finding::message).collect(Collectors.joining("\n"))));
                }
            }
        });
        setPlaceholder(new javafx.scene.control.Label("No VXLAN in either capture"));
    }

    private TableColumn<VniMapReport.Row, String> column(String title, double width,
                                                        Function<VniMapReport.Row, String> text) {
        TableColumn<VniMapReport.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(text.apply(p.getValue())));
        return c;
    }

    public void show(VniMapReport report, boolean withTopology) {
        topologyLoaded = withTopology;
        findings = List.copyOf(report.findings());
        getItems().setAll(report.rows());
        refresh();
    }

    public List<VniMapReport.Finding> findings() {
        return findings;
    }

    public boolean hasFinding(int vni) {
        return findings.stream().anyMatch(f -> f.vni() == vni);
    }

    private String status(VniMapReport.Row r) {
        String kinds = findings.stream().filter(f -> f.vni() == r.vni()).map(VniMapReport.Finding::kind)
                .distinct().collect(Collectors.joining(", "));
        if (!kinds.isEmpty()) {
            return kinds;
        }
        return topologyLoaded ? "ok" : "no config";
    }
}
