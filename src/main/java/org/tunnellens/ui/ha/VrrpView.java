package org.tunnellens.ui.ha;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
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
import javafx.stage.FileChooser;
import org.tunnellens.analysis.vrrp.VrrpAnalysis;
import org.tunnellens.analysis.vrrp.VrrpEvent;
import org.tunnellens.analysis.vrrp.VrrpTextReport;

/**
 * The VRRP view: the master timeline per VRID above, the event list below. Picking an event (in the list or on
 * the chart) marks it on the chart and shows the packets behind it in the capture tabs.
 */
public final class VrrpView extends BorderPane {
    private final VrrpAnalysis analysis;
    private final VrrpTimelineChart chart;
    private final TableView<VrrpEvent> events = new TableView<>();
    private final CheckBox filter = new CheckBox("Filter the packet lists to the event's packets");
    private final Label status = new Label();
    private final PacketListLink link;
    private List<CaptureFrames> shown = List.of();

    public VrrpView(VrrpAnalysis analysis, String sources, PacketListLink link) {
        this.analysis = analysis;
        this.link = link;
        this.chart = new VrrpTimelineChart(VrrpTimelineModel.of(analysis));
        getStyleClass().add("vrrp-view");

        Label title = new Label("VRRP master timeline \u2014 " + sources);
        title.setStyle("-fx-font-weight: bold;");
        Button export = new Button("Export timeline as PNG\u2026");
        export.setId("vrrp-export");
        export.setOnAction(e -> exportDialog());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(10, title, grow, filter, export);
        top.setPadding(new Insets(6, 10, 6, 10));
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(top);

        ScrollPane chartScroll = new ScrollPane(chart);
        chartScroll.setFitToWidth(true);
        chartScroll.setStyle("-fx-background: white;");
        buildTable();
        SplitPane split = new SplitPane(chartScroll, events);
        split.setOrientation(Orientation.VERTICAL);
        // the chart keeps its full height when the window is small; the event list takes what is left
        chartScroll.setMinHeight(Math.min(chart.getPrefHeight() + 4, 480));
        split.setDividerPositions(Math.min(0.7, (chart.getPrefHeight() + 12) / 820));
        setCenter(split);

        status.setId("vrrp-status");
        status.setPadding(new Insets(4, 10, 4, 10));
        status.setWrapText(true);
        status.setText(analysis.events().size() + " events in " + analysis.routers().size()
                + " virtual router(s); click an event for the packets behind it"
                + (analysis.problems().isEmpty() ? "" : "   \u26a0 " + String.join("; ", analysis.problems())));
        setBottom(status);

        chart.setOnPick(e -> events.getSelectionModel().select(e));
        events.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> picked(now));
    }

    private void buildTable() {
        events.setId("vrrp-events");
        events.setItems(FXCollections.observableArrayList(analysis.events()));
        events.getColumns().add(column("Time (UTC)", 100, e -> VrrpTextReport.clock(e.time())));
        events.getColumns().add(column("Event", 100, e -> e.type().label()));
        events.getColumns().add(column("VRID", 50, e -> String.valueOf(e.vrid())));
        events.getColumns().add(column("Segment", 130, VrrpEvent::segment));
        events.getColumns().add(column("From", 130, e -> e.from() == null ? "" : e.from()));
        events.getColumns().add(column("To", 120, e -> e.to() == null ? "" : e.to()));
        events.getColumns().add(column("Duration", 75, e -> e.duration() == null ? ""
                : String.format(java.util.Locale.ROOT, "%.3f s", e.duration())));
        TableColumn<VrrpEvent, String> detail = column("What happened", 700, VrrpEvent::detail);
        events.getColumns().add(detail);
        events.setPlaceholder(new Label("No VRRP events in these captures"));
    }

    private static TableColumn<VrrpEvent, String> column(String name, double width,
                                                         Function<VrrpEvent, String> value) {
        TableColumn<VrrpEvent, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    private void picked(VrrpEvent e) {
        chart.select(e);
        if (e == null) {
            return;
        }
        shown = VrrpEventPackets.of(e, analysis);
        String done = link.show(shown, filter.isSelected());
        String packets = String.join("  ", shown.stream().map(cf -> cf.capture() + " " + cf.frames()).toList());
        status.setText(e.type().label() + " VRID " + e.vrid() + ": packets " + packets
                + (done.isEmpty() ? "" : "   \u2192 " + done));
    }

    private void exportDialog() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export timeline as PNG");
        fc.setInitialFileName("vrrp-timeline.png");
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            try {
                int[] size = PngExport.write(chart, f.toPath());
                status.setText("Wrote " + f + " (" + size[0] + " \u00d7 " + size[1] + ")");
            } catch (IOException ex) {
                status.setText("Cannot write " + f + ": " + ex.getMessage());
            }
        }
    }

    public VrrpTimelineChart chart() {
        return chart;
    }

    public TableView<VrrpEvent> events() {
        return events;
    }

    public CheckBox filterToggle() {
        return filter;
    }

    /** The packets of the selected event, as last sent to the packet lists. */
    public List<CaptureFrames> shownFrames() {
        return shown;
    }

    public String statusText() {
        return status.getText();
    }
}
