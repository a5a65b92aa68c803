package org.tunnellens.ui.ha;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.tunnellens.analysis.lvs.LvsAnalysis;
import org.tunnellens.analysis.lvs.LvsConnection;
import org.tunnellens.analysis.vrrp.VrrpTextReport;

/**
 * The LVS-NAT view: the service table (as ipvsadm prints it) on top, the connections below it, and the ladder
 * diagram of the selected connection on the right. Selecting a connection also selects its SYNs in the capture
 * tabs.
 */
public final class LvsView extends BorderPane {
    private final TableView<ServiceRow> services = new TableView<>();
    private final TableView<LvsConnection> connections = new TableView<>();
    private final LadderDiagram ladder = new LadderDiagram();
    private final CheckBox filter = new CheckBox("Filter the packet lists to the connection");
    private final Label status = new Label();
    private final PacketListLink link;

    public LvsView(LvsAnalysis analysis, String sources, PacketListLink link) {
        this.link = link;
        getStyleClass().add("lvs-view");
        Label title = new Label("LVS-NAT as observed \u2014 " + sources);
        title.setStyle("-fx-font-weight: bold;");
        Button export = new Button("Export diagram as PNG\u2026");
        export.setId("lvs-export");
        export.setOnAction(e -> exportDialog());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(10, title, grow, filter, export);
        top.setPadding(new Insets(6, 10, 6, 10));
        top.setAlignment(Pos.CENTER_LEFT);
        setTop(top);

        buildServices(ServiceTableRows.of(analysis));
        buildConnections(analysis.connections());
        Label servicesTitle = sectionTitle("Virtual services (ipvsadm -L -n --stats)");
        Label connTitle = sectionTitle("Connections (" + analysis.connections().size() + ")");
        VBox left = new VBox(4, servicesTitle, services, connTitle, connections);
        VBox.setVgrow(connections, Priority.ALWAYS);
        left.setPadding(new Insets(0, 0, 0, 6));
        ScrollPane ladderScroll = new ScrollPane(ladder);
        ladderScroll.setFitToWidth(true);
        ladderScroll.setStyle("-fx-background: white;");
        SplitPane split = new SplitPane(left, ladderScroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        setCenter(split);

        status.setId("lvs-status");
        status.setPadding(new Insets(4, 10, 4, 10));
        status.setText(analysis.services().size() + " virtual service(s), " + analysis.connections().size()
                + " connection(s), " + analysis.events().size() + " event(s); select a connection for its ladder"
                + (analysis.problems().isEmpty() ? "" : "   \u26a0 " + String.join("; ", analysis.problems())));
        setBottom(status);

        connections.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> picked(now));
        if (!analysis.connections().isEmpty()) {
            connections.getSelectionModel().select(0);
        }
    }

    private static Label sectionTitle(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
        return l;
    }

    private void buildServices(List<ServiceRow> rows) {
        services.setId("lvs-services");
        services.setItems(FXCollections.observableArrayList(rows));
        services.getColumns().add(col("LocalAddress:Port / \u2192 RemoteAddress:Port", 250, ServiceRow::address));
        services.getColumns().add(col("Sched / Forward", 95, ServiceRow::method));
        services.getColumns().add(col("Conns", 55, r -> String.valueOf(r.connections())));
        services.getColumns().add(col("InPkts", 60, r -> String.valueOf(r.packetsIn())));
        services.getColumns().add(col("OutPkts", 62, r -> String.valueOf(r.packetsOut())));
        services.getColumns().add(col("InBytes", 65, r -> String.valueOf(r.bytesIn())));
        services.getColumns().add(col("OutBytes", 70, r -> String.valueOf(r.bytesOut())));
        services.getColumns().add(col("Note", 400, ServiceRow::note));
        services.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ServiceRow item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(item != null && item.service() ? "-fx-font-weight: bold;" : "");
            }
        });
        services.setFixedCellSize(24);
        services.setPrefHeight(48 + 24 * Math.max(2, rows.size()));
        services.setMinHeight(Region.USE_PREF_SIZE);
        services.setPlaceholder(new Label("No LVS virtual service in these captures"));
    }

    private void buildConnections(List<LvsConnection> list) {
        connections.setId("lvs-connections");
        connections.setItems(FXCollections.observableArrayList(list));
        TableColumn<LvsConnection, String> number = new TableColumn<>("#");
        number.setPrefWidth(36);
        number.setSortable(false);
        number.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : String.valueOf(getIndex() + 1));
            }
        });
        connections.getColumns().add(number);
        connections.getColumns().add(col("Time (UTC)", 95, c -> VrrpTextReport.clock(c.time())));
        connections.getColumns().add(col("Client", 130, c -> c.client() + ":" + c.clientPort()));
        connections.getColumns().add(col("Virtual", 115, c -> c.vip() == null ? "?" : c.vip() + ":" + c.vport()));
        connections.getColumns().add(col("Real server", 115,
                c -> c.realServer() == null ? "?" : c.realServer() + ":" + c.rport()));
        connections.getColumns().add(col("Outcome", 70, LvsConnection::outcome));
        connections.getColumns().add(col("HTTP", 45, c -> c.httpStatus() > 0 ? String.valueOf(c.httpStatus()) : "-"));
        connections.getColumns().add(col("Request", 110, c -> c.httpRequest() == null ? "" : c.httpRequest()));
        connections.setPlaceholder(new Label("No connection through a director in these captures"));
    }

    private static <T> TableColumn<T, String> col(String name, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    private void picked(LvsConnection c) {
        if (c == null) {
            return;
        }
        ladder.show(LadderModel.of(c));
        List<Map.Entry<String, Integer>> refs = new ArrayList<>();
        if (c.front() != null) {
            refs.add(Map.entry(c.front().capture(), c.front().frame()));
        }
        if (c.back() != null) {
            refs.add(Map.entry(c.back().capture(), c.back().frame()));
        }
        String done = link.show(CaptureFrames.group(refs), filter.isSelected());
        status.setText("Connection " + c.client() + ":" + c.clientPort() + " \u2192 "
                + (c.vip() == null ? "?" : c.vip()) + " \u2192 " + (c.realServer() == null ? "?" : c.realServer())
                + (done.isEmpty() ? "" : "   \u2192 " + done));
    }

    private void exportDialog() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export ladder diagram as PNG");
        fc.setInitialFileName("lvs-ladder.png");
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            try {
                int[] size = PngExport.write(ladder, f.toPath());
                status.setText("Wrote " + f + " (" + size[0] + " \u00d7 " + size[1] + ")");
            } catch (IOException ex) {
                status.setText("Cannot write " + f + ": " + ex.getMessage());
            }
        }
    }

    public TableView<ServiceRow> services() {
        return services;
    }

    public TableView<LvsConnection> connections() {
        return connections;
    }

    public LadderDiagram ladder() {
        return ladder;
    }

    public CheckBox filterToggle() {
        return filter;
    }

    public String statusText() {
        return status.getText();
    }
}
