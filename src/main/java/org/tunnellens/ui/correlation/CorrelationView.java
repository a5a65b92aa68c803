package org.tunnellens.ui.correlation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.tunnellens.analysis.correlation.ClockOffset;
import org.tunnellens.analysis.correlation.CorrelationMode;
import org.tunnellens.analysis.correlation.CorrelationOptions;
import org.tunnellens.analysis.correlation.CorrelationReport;
import org.tunnellens.analysis.correlation.CorrelationResult;
import org.tunnellens.analysis.correlation.CorrelationSummary;
import org.tunnellens.analysis.correlation.PairDirection;
import org.tunnellens.analysis.correlation.PairTable;
import org.tunnellens.analysis.correlation.UnpairedReason;
import org.tunnellens.analysis.vnimap.VniMapReport;
import org.tunnellens.ui.MacAnnotator;

/**
 * The correlation window's content: the outer (underlay) and inner (bridge) packet lists side by side with a line
 * from the selected packet to its partner, a chooser that narrows both lists to paired or unpaired packets (by
 * reason), the delay histogram, and the VNI table checked against loaded configuration texts.
 */
public final class CorrelationView extends BorderPane {
    private final Path outerPath;
    private final Path innerPath;
    private final MacAnnotator macs;
    private final Label summary = new Label();
    private final Label selection = new Label("Select a packet in either list to see its partner in the other.");
    private final ComboBox<PairFilter> show = new ComboBox<>();
    private final HBox lists = new HBox();
    private final StackedBarChart<String, Number> histogramChart;
    private final VniMapTable vniTable = new VniMapTable();
    private final TextArea vniExplanation = new TextArea();
    private final Label topologyStatus = new Label("No configuration loaded");
    private final List<Runnable> onReady = new ArrayList<>();

    private CorrelationTask task;
    private CorrelationRun run;
    private SidePacketList outerList;
    private SidePacketList innerList;
    private PartnerLine line;
    private DelayHistogram histogram;
    private TopologyFiles topology = TopologyFiles.none();
    private boolean syncing;
    /** "Outer"/"Inner", or "First"/"Second" when both captures are underlay ones. */
    private String firstName = "Outer";
    private String secondName = "Inner";
    private String failure;

    public CorrelationView(Path outer, Path inner, MacAnnotator macs) {
        this.outerPath = outer;
        this.innerPath = inner;
        this.macs = macs;
        getStyleClass().add("correlation-view");
        setId("correlation-view");

        summary.setId("corr-summary");
        summary.getStyleClass().add("corr-summary");
        selection.setId("corr-selection");
        selection.getStyleClass().add("corr-selection");
        show.setId("corr-show");
        show.setDisable(true);
        show.setCellFactory(c -> new FilterCell());
        show.setButtonCell(new FilterCell());
        show.valueProperty().addListener((o, was, now) -> applyFilter(now));
        Label showLabel = new Label("Show:");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, showLabel, show, summary, grow);
        top.getStyleClass().add("corr-toolbar");
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox header = new VBox(top, selection);
        setTop(header);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(48, 48);
        Label busyText = new Label("Pairing " + outer.getFileName() + " with " + inner.getFileName() + "...");
        VBox waiting = new VBox(10, busy, busyText);
        waiting.setAlignment(javafx.geometry.Pos.CENTER);
        lists.getChildren().add(waiting);
        HBox.setHgrow(waiting, Priority.ALWAYS);
        waiting.setMaxWidth(Double.MAX_VALUE);

        CategoryAxis x = new CategoryAxis();
        x.setLabel("delay between the two sightings, \u00b5s (bin start)");
        NumberAxis y = new NumberAxis();
        y.setLabel("frames");
        y.setMinorTickVisible(false);
        // frame counts are whole numbers: the axis' in-between ticks (2.5, 7.5) stay unlabelled
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
        histogramChart = new StackedBarChart<>(x, y);
        histogramChart.setId("delay-histogram");
        histogramChart.setTitle("Delay histogram");
        histogramChart.setAnimated(false);
        histogramChart.setLegendVisible(true);
        histogramChart.setCategoryGap(2);

        vniExplanation.setId("vni-explanation");
        vniExplanation.setEditable(false);
        vniExplanation.setWrapText(true);
        vniExplanation.getStyleClass().add("corr-explanation");
        vniTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> explainVni(now));
        Button load = new Button("Load topology...");
        load.setId("load-topology");
        load.setOnAction(e -> chooseTopology());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            topology = TopologyFiles.none();
            refreshVnis();
        });
        topologyStatus.getStyleClass().add("corr-topology-status");
        topologyStatus.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(topologyStatus, Priority.ALWAYS);
        load.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        HBox vniBar = new HBox(6, load, clear, topologyStatus);
        vniBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        vniBar.setPadding(new Insets(4));
        Label vniTitle = new Label("VNIs: capture against configuration");
        vniTitle.getStyleClass().add("corr-section-title");
        BorderPane vniPane = new BorderPane(vniTable, vniTitle, null, vniBar, null);
        SplitPane bottom = new SplitPane(histogramChart, vniPane, vniExplanation);
        bottom.setDividerPositions(0.30, 0.72);

        SplitPane main = new SplitPane(lists, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.56);
        setCenter(main);
    }

    /** Starts reading and pairing on a worker thread; the lists appear when it is done. */
    public CorrelationTask start(CorrelationOptions options) {
        task = new CorrelationTask(outerPath, innerPath, options);
        summary.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            summary.textProperty().unbind();
            shown(task.getValue());
        });
        task.setOnFailed(e -> {
            summary.textProperty().unbind();
            Throwable t = task.getException();
            failure = t.getMessage() != null ? t.getMessage() : t.toString();
            summary.setText("Cannot correlate: " + failure);
            summary.getStyleClass().add("corr-error");
            lists.getChildren().setAll(new Label("Cannot correlate: " + failure));
            ready();
        });
        Thread t = new Thread(task, "correlate " + outerPath.getFileName());
        t.setDaemon(true);
        t.start();
        return task;
    }

    private void shown(CorrelationRun r) {
        run = r;
        CorrelationResult result = r.result();
        boolean bothUnderlay = result.summary().mode() == CorrelationMode.OUTER_OUTER;
        firstName = bothUnderlay ? "First" : "Outer";
        secondName = bothUnderlay ? "Second" : "Inner";
        outerList = new SidePacketList(sideTitle(firstName, r.outer()), true, bothUnderlay,
                r.outer(), result.pairs(), result.unpairedOuter(), macs);
        innerList = new SidePacketList(sideTitle(secondName, r.inner()), false, bothUnderlay,
                r.inner(), result.pairs(), result.unpairedInner(), macs);
        line = new PartnerLine(outerList.table(), innerList.table());
        HBox.setHgrow(outerList, Priority.ALWAYS);
        HBox.setHgrow(innerList, Priority.ALWAYS);
        outerList.setPrefWidth(100);
        innerList.setPrefWidth(100);
        lists.getChildren().setAll(outerList, line, innerList);
        outerList.table().getSelectionModel().selectedItemProperty()
                .addListener((o, was, now) -> selected(outerList, innerList, now));
        innerList.table().getSelectionModel().selectedItemProperty()
                .addListener((o, was, now) -> selected(innerList, outerList, now));
        for (SidePacketList side : List.of(outerList, innerList)) {
            side.table().skinProperty().addListener((o, was, now) -> Platform.runLater(() -> followScroll(side)));
            side.table().heightProperty().addListener((o, was, now) -> Platform.runLater(this::redrawLine));
        }
        summary.setText(summaryText(result.summary()));
        show.setItems(FXCollections.observableArrayList(PairFilter.choices(result)));
        show.setDisable(false);
        show.setValue(PairFilter.ALL);
        histogram = DelayHistogram.of(result.pairs());
        fillHistogram();
        refreshVnis();
        ready();
    }

    private void followScroll(SidePacketList side) {
        for (var n : side.table().lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar sb && sb.getOrientation() == Orientation.VERTICAL) {
                sb.valueProperty().addListener((o, was, now) -> redrawLine());
            }
        }
        redrawLine();
    }

    private static String sideTitle(String role, org.tunnellens.capture.CaptureFile f) {
        String text = role + ": " + f.path().getFileName() + "  (" + f.packetCount() + " packets)";
        if (f.problem() != null) {
            text += "  \u26a0 read stopped at byte " + f.problem().offset() + ": " + f.problem().reason();
        }
        return text;
    }

    static String summaryText(CorrelationSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.pairs()).append(" pairs (").append(s.mode().toString().toLowerCase().replace('_', '-'))
                .append(")  \u00b7  unpaired outer ").append(reasons(s.unpairedOuter())).append(", inner ")
                .append(reasons(s.unpairedInner()));
        ClockOffset c = s.clockOffset();
        sb.append("  \u00b7  clock offset ").append(DelayHistogram.micros(c.nanos())).append(" \u00b5s (")
                .append(c.method()).append(")");
        if (s.delay().count() > 0) {
            sb.append("  \u00b7  delay median ").append(DelayHistogram.micros(s.delay().medianNanos()))
                    .append(" \u00b5s, max ").append(DelayHistogram.micros(s.delay().maxNanos())).append(" \u00b5s");
        }
        if (!s.vnis().isEmpty()) {
            sb.append("  \u00b7  VNI ")
                    .append(s.vnis().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    private static String reasons(Map<UnpairedReason, Integer> m) {
        if (m.isEmpty()) {
            return "0";
        }
        return m.entrySet().stream().map(e -> e.getKey().key() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    // ---- selection ----

    private void selected(SidePacketList from, SidePacketList to, Integer packet) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            from.clearPartner();
            if (packet == null) {
                to.clearPartner();
                line.connect(-1, -1);
                return;
            }
            int frame = packet + 1;
            int i = from.pairIndex(frame);
            String side = from.isOuterSide() ? firstName : secondName;
            String other = (from.isOuterSide() ? secondName : firstName).toLowerCase(java.util.Locale.ROOT);
            if (i < 0) {
                to.clearPartner();
                to.table().getSelectionModel().clearSelection();
                line.connect(-1, -1);
                int in = from.reassembledIn(frame);
                UnpairedReason r = from.reasonOf(frame);
                if (in > 0) {
                    int partner = from.partnerFrame(in);
                    selection.setText(side + " frame " + frame + " is a fragment: its datagram is reassembled in "
                            + "frame " + in + (partner > 0 ? ", which pairs with " + other + " frame " + partner
                            : ", which has no partner either"));
                } else {
                    selection.setText(side + " frame " + frame + " has no partner"
                            + (r == null ? "" : ": " + r.key() + " \u2014 " + r.description()));
                }
                return;
            }
            PairTable pairs = run.result().pairs();
            int partner = from.isOuterSide() ? pairs.innerFrame(i) : pairs.outerFrame(i);
            boolean visible = to.selectPartner(partner - 1);
            selection.setText(side + " frame " + frame + " \u2194 " + other + " frame " + partner + "  \u00b7  VNI "
                    + pairs.vni(i) + "  \u00b7  " + CorrelationReport.ipv4(pairs.outerSrc(i)) + " \u2192 "
                    + CorrelationReport.ipv4(pairs.outerDst(i)) + "  \u00b7  " + pairs.direction(i).key()
                    + "  \u00b7  " + DelayHistogram.micros(pairs.deltaNanos(i)) + " \u00b5s later on the "
                    + laterSide(pairs.direction(i)) + " side"
                    + (visible ? "" : "  (hidden by the Show choice)"));
            int outerRow = outerList.rows().rowOf(from.isOuterSide() ? packet : partner - 1);
            int innerRow = innerList.rows().rowOf(from.isOuterSide() ? partner - 1 : packet);
            line.connect(outerRow, innerRow);
            Platform.runLater(this::redrawLine);
        } finally {
            syncing = false;
        }
    }

    private String laterSide(PairDirection d) {
        return (d.firstCaptureSawItFirst() ? secondName : firstName).toLowerCase(java.util.Locale.ROOT);
    }

    private void redrawLine() {
        if (line == null) {
            return;
        }
        int o = outerList.selectedPacket();
        int i = innerList.selectedPacket();
        if (o >= 0 && i >= 0) {
            line.connect(outerList.rows().rowOf(o), innerList.rows().rowOf(i));
        } else {
            line.connect(-1, -1);
        }
    }

    private void applyFilter(PairFilter f) {
        if (f == null || run == null) {
            return;
        }
        syncing = true;
        try {
            outerList.table().getSelectionModel().clearSelection();
            innerList.table().getSelectionModel().clearSelection();
            outerList.clearPartner();
            innerList.clearPartner();
            outerList.showOnly(f);
            innerList.showOnly(f);
            line.connect(-1, -1);
        } finally {
            syncing = false;
        }
        if (f.kind() == PairFilter.Kind.UNPAIRED_BECAUSE) {
            selection.setText("Unpaired because " + f.reason().key() + ": " + f.reason().description());
        }
    }

    // ---- histogram ----

    private void fillHistogram() {
        histogramChart.getData().clear();
        List<String> labels = histogram.labels();
        ((CategoryAxis) histogramChart.getXAxis()).setCategories(FXCollections.observableArrayList(labels));
        for (Map.Entry<PairDirection, int[]> e : histogram.counts().entrySet()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(e.getKey().key());
            int[] c = e.getValue();
            for (int b = 0; b < c.length; b++) {
                s.getData().add(new XYChart.Data<>(labels.get(b), c[b]));
            }
            histogramChart.getData().add(s);
        }
        histogramChart.setTitle("Delay histogram: " + histogram.total() + " pairs, bins of "
                + DelayHistogram.micros(histogram.widthNanos()) + " \u00b5s");
    }

    // ---- VNIs ----

    private void chooseTopology() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Load topology: openstack network show, ovs-ofctl dump-flows, ovs-vsctl show, ip -d link, onevnet");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Text", "*.txt", "*.json", "*.log"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (outerPath.toAbsolutePath().getParent() != null) {
            fc.setInitialDirectory(outerPath.toAbsolutePath().getParent().toFile());
        }
        List<java.io.File> files = fc.showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            loadTopology(files.stream().map(java.io.File::toPath).toList());
        }
    }

    /** Adds configuration texts; files no parser recognises are named in the status line and skipped. */
    public void loadTopology(List<Path> files) {
        topology = topology.plus(TopologyFiles.read(files));
        refreshVnis();
    }

    private void refreshVnis() {
        if (run == null) {
            return;
        }
        VniMapReport report = VniMapReport.build(topology.facts(), run.seenVnis());
        vniTable.show(report, !topology.read().isEmpty());
        String status = topology.read().isEmpty() ? "No configuration loaded"
                : "Read " + topology.read().stream().map(p -> p.getFileName().toString())
                .collect(Collectors.joining(", "));
        if (!topology.problems().isEmpty()) {
            status += "  \u00b7  skipped " + String.join("; ", topology.problems());
        }
        topologyStatus.setText(status);
        topologyStatus.setTooltip(new javafx.scene.control.Tooltip(status));
        VniMapReport.Row first = report.rows().stream().filter(row -> vniTable.hasFinding(row.vni())).findFirst()
                .orElse(report.rows().isEmpty() ? null : report.rows().get(0));
        if (first != null) {
            vniTable.getSelectionModel().select(first);
        }
        explainVni(first);
    }

    private void explainVni(VniMapReport.Row row) {
        vniExplanation.setText(row == null ? "No VXLAN in these captures and no configuration naming a VNI."
                : VniExplanation.of(row, vniTable.findings(), !topology.read().isEmpty()));
    }

    // ---- lifecycle and accessors ----

    private void ready() {
        List<Runnable> todo = List.copyOf(onReady);
        onReady.clear();
        todo.forEach(Runnable::run);
    }

    /** Runs {@code r} on the UI thread once the lists are shown (or the run failed); at once if that is past. */
    public void whenReady(Runnable r) {
        if (run != null || failure != null) {
            r.run();
        } else {
            onReady.add(r);
        }
    }

    public boolean isReady() {
        return run != null || failure != null;
    }

    /** Releases the mapped captures; the window calls it when it closes. */
    public void close() {
        if (task != null && task.isRunning()) {
            task.setOnSucceeded(e -> task.getValue().close());
            task.cancel();
        }
        if (run != null) {
            run.close();
        }
    }

    public CorrelationRun run() {
        return run;
    }

    public String failure() {
        return failure;
    }

    public SidePacketList outerList() {
        return outerList;
    }

    public SidePacketList innerList() {
        return innerList;
    }

    public PartnerLine partnerLine() {
        return line;
    }

    public ComboBox<PairFilter> showChoice() {
        return show;
    }

    public void showOnly(PairFilter f) {
        show.setValue(f);
    }

    public DelayHistogram histogram() {
        return histogram;
    }

    public StackedBarChart<String, Number> histogramChart() {
        return histogramChart;
    }

    public VniMapTable vniTable() {
        return vniTable;
    }

    public String vniExplanationText() {
        return vniExplanation.getText();
    }

    public String selectionText() {
        return selection.getText();
    }

    public String topologyStatusText() {
        return topologyStatus.getText();
    }

    private final class FilterCell extends ListCell<PairFilter> {
        @Override
        protected void updateItem(PairFilter f, boolean empty) {
            super.updateItem(f, empty);
            setText(empty || f == null || run == null ? null : f.label(run.result()));
        }
    }
}
