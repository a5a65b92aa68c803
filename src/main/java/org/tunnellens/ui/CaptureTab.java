package org.tunnellens.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.NotificationPane;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.capture.CaptureInterface;
import org.tunnellens.capture.ReadProblem;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.dissect.firstpass.FirstPass;
import org.tunnellens.filter.DisplayFilter;

/**
 * One open capture: filter bar, packet list, details tree, explain panel and bytes, with its own status line.
 * Loading and filtering run on worker threads; everything here runs on the UI thread.
 */
public final class CaptureTab extends Tab {
    /** Layers worth explaining first when a packet is selected, most telling first. */
    private static final List<String> EXPLAIN_FIRST = List.of("vrrp", "arp", "vxlan", "icmp", "http", "tcp", "udp",
            "ip", "eth", "frame");

    private final Path path;
    private final MacAnnotator macs;
    private final Consumer<String> statusSink;
    private final PacketNumberList rows = new PacketNumberList();
    private final FilterBar filterBar = new FilterBar();
    private final TreeView<DetailNode> details = new TreeView<>();
    private final HexPane hex = new HexPane();
    private final ExplainPane explain;
    private final DetailTreeBuilder treeBuilder;
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final HBox progressBox = new HBox(6, progress, cancel);
    private final NotificationPane notifications;
    private final BorderPane listHolder = new BorderPane();
    private final ZoneId zone;

    private CaptureFile file;
    private RowSummaries summaries;
    private PacketTable table;
    private CaptureLoader loader;
    private Task<int[]> filterTask;
    private String problemText;
    private int selectedPacket = -1;
    private boolean loaded;
    private volatile boolean firstPassDone;
    private static final long PARTIAL_RESULTS_EVERY_NANOS = 500_000_000L;
    private long loadStartNanos;
    private long firstRowsNanos;
    private long indexedNanos;
    private final List<Runnable> onLoaded = new ArrayList<>();

    public CaptureTab(Path path, MacAnnotator macs, ExplainTexts texts, ZoneId zone, Consumer<String> statusSink) {
        this.path = path;
        this.macs = macs;
        this.zone = zone;
        this.statusSink = statusSink;
        this.explain = new ExplainPane(texts);
        this.treeBuilder = new DetailTreeBuilder(macs);
        setText(path.getFileName().toString());
        setTooltip(new Tooltip(path.toAbsolutePath().toString()));

        details.setId("packet-details");
        details.setShowRoot(false);
        details.setCellFactory(tv -> new DetailCell());
        details.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> onDetailSelected(now));
        hex.setId("packet-bytes");
        hex.setOnByteClicked(this::selectFieldAt);
        explain.setId("explain");

        listHolder.setCenter(new Label("Opening " + path.getFileName() + "..."));
        SplitPane middle = new SplitPane(details, explain);
        middle.setDividerPositions(0.62);
        SplitPane main = new SplitPane(listHolder, middle, hex);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.45, 0.78);

        ChoiceBox<TimeFormat> time = new ChoiceBox<>();
        time.setId("time-format");
        time.getItems().setAll(TimeFormat.values());
        time.setValue(TimeFormat.RELATIVE);
        time.setConverter(new StringConverter<>() {
            @Override
            public String toString(TimeFormat f) {
                return f == null ? "" : f.label();
            }

            @Override
            public TimeFormat fromString(String s) {
                return null;
            }
        });
        time.valueProperty().addListener((o, was, now) -> {
            if (table != null) {
                table.setTimeFormat(now, zone);
            }
        });
        CheckBox raw = new CheckBox("Raw addresses");
        raw.setId("raw-addresses");
        raw.setTooltip(new Tooltip("Show MAC addresses as bytes instead of vendor and cloud names"));
        raw.selectedProperty().addListener((o, was, now) -> {
            treeBuilder.setRawAddresses(now);
            if (table != null) {
                table.setRawAddresses(now);
            }
            if (selectedPacket >= 0) {
                showPacket(selectedPacket);
            }
        });
        Label timeLabel = new Label("Time:");
        filterBar.getChildren().addAll(timeLabel, time, raw);
        filterBar.setOnApply(this::applyFilter);

        progress.setPrefWidth(160);
        cancel.setOnAction(e -> {
            if (loader != null) {
                loader.cancel();
            }
            if (filterTask != null) {
                filterTask.cancel();
            }
        });
        progressBox.setVisible(false);
        progressBox.setManaged(false);
        status.setId("tab-status");
        status.getStyleClass().add("status-text");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusBar = new HBox(8, status, spacer, legend(), progressBox);
        statusBar.getStyleClass().add("status-bar");

        BorderPane content = new BorderPane(main);
        content.setTop(filterBar);
        content.setBottom(statusBar);
        notifications = new NotificationPane(content);
        notifications.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        notifications.setShowFromTop(true);
        setContent(notifications);
        setOnClosed(e -> close());
    }

    private HBox legend() {
        HBox box = new HBox(4);
        box.setId("legend");
        box.getStyleClass().add("legend");
        for (RowColour c : RowColour.values()) {
            if (c == RowColour.OTHER) {
                continue;
            }
            Label l = new Label(c.legend());
            l.getStyleClass().addAll("legend-item", c.styleClass());
            l.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
        return box;
    }

    /** Starts loading on a worker thread; returns at once. */
    public void load() {
        loadStartNanos = System.nanoTime();
        loader = new CaptureLoader(path, this::opened, this::indexed);
        progress.progressProperty().bind(loader.progressProperty());
        progressBox.setVisible(true);
        progressBox.setManaged(true);
        loader.stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                finished(now);
            }
        });
        Thread t = new Thread(loader, "load " + path.getFileName());
        t.setDaemon(true);
        t.start();
    }

    private void opened(CaptureFile f) {
        this.file = f;
        this.summaries = new RowSummaries(f);
        this.table = new PacketTable(summaries, rows, macs);
        table.setTimeFormat(TimeFormat.RELATIVE, zone);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                showPacket(now);
            }
        });
        ContextMenu menu = new ContextMenu();
        MenuItem copy = new MenuItem("Copy rows as text");
        copy.setOnAction(e -> copySelectedRows());
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        MenuItem follow = new MenuItem("Go to linked packet (request / reply)");
        follow.setOnAction(e -> followLink());
        menu.getItems().addAll(copy, follow);
        table.setContextMenu(menu);
        table.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copySelectedRows();
            }
        });
        listHolder.setCenter(table);
        setText(displayName != null ? title(f, displayName) : title(f));
        firstRowsNanos = System.nanoTime();
    }

    /** "capture.pcapng — enp0s8": the file and the interface(s) it was recorded on. */
    private String displayName;

    /** Sets the name the tab shows for its file (made unique among tabs by the window). */
    public void setDisplayName(String name) {
        this.displayName = name;
        setText(file == null ? name : title(file, name));
    }

    static String title(CaptureFile f) {
        return title(f, f.path().getFileName().toString());
    }

    static String title(CaptureFile f, String fileName) {
        Set<String> names = new TreeSet<>();
        List<CaptureInterface> ifs = f.interfaces();
        for (CaptureInterface ci : ifs) {
            if (ci.name() != null) {
                names.add(ci.name());
            }
        }
        return names.isEmpty() ? fileName : fileName + " \u2014 " + String.join(", ", names);
    }

    private void indexed(int count) {
        if (table != null && filterTask == null && (rows.showsAll() && table.getSortOrder().isEmpty())) {
            rows.showAll(count);
        }
        updateStatus();
    }

    private void finished(Worker.State state) {
        indexedNanos = System.nanoTime();
        progress.progressProperty().unbind();
        progressBox.setVisible(false);
        progressBox.setManaged(false);
        if (state == Worker.State.FAILED) {
            Throwable ex = loader.getException();
            problemText = ex.getMessage();
            if (file == null) {
                listHolder.setCenter(new Label("Cannot open this capture.\n\n" + problemText));
            }
            notifyError(problemText);
        } else if (file != null) {
            rows.showAll(file.packetCount());
            ReadProblem p = file.problem();
            if (state == Worker.State.CANCELLED) {
                problemText = "Loading cancelled: showing the first " + file.packetCount() + " packets";
                notifyError(problemText);
            } else if (p != null) {
                problemText = p.message() + " (the " + file.packetCount() + " packets before it are shown)";
                notifyError(problemText);
            } else {
                statusSink.accept(String.format("%s: %d packets, indexed in %.0f ms", path.getFileName(),
                        file.packetCount(), (System.nanoTime() - loadStartNanos) / 1e6));
            }
        }
        loaded = true;
        updateStatus();
        if (file != null && file.packetCount() > 0) {
            startFirstPass();
        }
        List<Runnable> todo = new ArrayList<>(onLoaded);
        onLoaded.clear();
        todo.forEach(Runnable::run);
    }

    /**
     * Wireshark's list shows what only a pass over the whole file knows ("(reply in N)", "[TCP Retransmission]",
     * "[Reassembled in #N]"): that pass runs on a worker once the file is indexed, and the list is redrawn with it.
     */
    private void startFirstPass() {
        CaptureFile f = file;
        Task<PassResults> pass = new Task<>() {
            @Override
            protected PassResults call() {
                return FirstPass.run(new PacketDissector(f, DecodeSettings.current()));
            }
        };
        pass.setOnSucceeded(e -> {
            if (summaries != null && file == f) {
                summaries.usePairs(pass.getValue());
                firstPassDone = true;
                if (table != null) {
                    table.refresh();
                }
            }
        });
        Thread t = new Thread(pass, "first pass " + path.getFileName());
        t.setDaemon(true);
        t.start();
    }

    /**
     * Decodes the capture anew after a Decode As change: rows, the first pass, the displayed filter's result and the
     * selected packet's panes are all made again with {@link DecodeSettings#current()}.
     */
    public void redecode() {
        if (summaries == null || !loaded) {
            return;
        }
        summaries.redecode();
        firstPassDone = false;
        startFirstPass();
        filterBar.apply();
        table.refresh();
        if (selectedPacket >= 0) {
            showPacket(selectedPacket);
        }
    }

    /** Whether the background first pass has finished and the list shows its results. */
    public boolean firstPassDone() {
        return firstPassDone;
    }

    private void notifyError(String message) {
        notifications.setText(message);
        notifications.show();
        statusSink.accept(message);
    }

    /** Runs {@code r} once loading has finished (at once if it has). */
    public void whenLoaded(Runnable r) {
        if (loaded) {
            r.run();
        } else {
            onLoaded.add(r);
        }
    }

    // ---- filtering ----

    private void applyFilter(DisplayFilter filter) {
        if (file == null) {
            return;
        }
        if (filterTask != null) {
            filterTask.cancel();
        }
        if (filter.text().isBlank()) {
            filterTask = null;
            table.setBaseOrder(null);
            rows.showAll(file.packetCount());
            if (!table.getSortOrder().isEmpty()) {
                table.sort();
            }
            updateStatus();
            return;
        }
        int count = file.packetCount();
        Task<int[]> task = new Task<>() {
            @Override
            protected int[] call() {
                return PacketFilterRun.run(file, count, filter, n -> updateProgress(n, count), this::isCancelled,
                        this::updateValue, PARTIAL_RESULTS_EVERY_NANOS);
            }
        };
        // a long run shows the matches found so far (the final result replaces them, sorted if a column is)
        task.valueProperty().addListener((o, was, now) -> {
            if (filterTask == task && task.isRunning() && now != null && table.getSortOrder().isEmpty()) {
                rows.show(now);
                updateStatus();
            }
        });
        filterTask = task;
        progress.progressProperty().bind(task.progressProperty());
        progressBox.setVisible(true);
        progressBox.setManaged(true);
        task.setOnSucceeded(e -> {
            if (filterTask != task) {
                return;
            }
            filterTask = null;
            int keep = selectedPacket;
            int[] matches = task.getValue();
            if (matches != null) {
                table.setBaseOrder(matches);
                rows.show(matches);
                if (!table.getSortOrder().isEmpty()) {
                    table.sort();
                }
            }
            filterDone();
            if (keep >= 0 && rows.rowOf(keep) >= 0) {
                selectPacket(keep);
            }
        });
        task.setOnFailed(e -> {
            filterTask = null;
            filterDone();
            notifyError("Filter failed: " + task.getException());
        });
        task.setOnCancelled(e -> filterDone());
        Thread t = new Thread(task, "filter " + path.getFileName());
        t.setDaemon(true);
        t.start();
        updateStatus();
    }

    private void filterDone() {
        progress.progressProperty().unbind();
        progressBox.setVisible(false);
        progressBox.setManaged(false);
        updateStatus();
    }

    private void updateStatus() {
        StringBuilder sb = new StringBuilder();
        if (file == null) {
            sb.append(problemText != null ? problemText : "Opening " + path.getFileName() + "...");
        } else {
            int total = file.packetCount();
            sb.append("Packets: ").append(total).append(" \u00b7 Displayed: ").append(rows.size());
            if (total > 0) {
                sb.append(String.format(" (%.1f%%)", 100.0 * rows.size() / total));
            }
            if (!file.fullyIndexed() && !loaded) {
                sb.append(" \u00b7 indexing...");
            }
            if (filterTask != null) {
                sb.append(" \u00b7 filtering...");
            }
            if (problemText != null) {
                // the full message is in the notification and the window's status line; here only that it happened
                sb.append(" \u00b7 ").append(file.problem() != null ? "reading stopped early" : "loading cancelled");
            }
        }
        status.setText(sb.toString());
    }

    public String statusText() {
        return status.getText();
    }

    // ---- selection, details, bytes ----

    /** Selects a packet by 0-based index if it is displayed; returns false otherwise. */
    public boolean selectPacket(int packet) {
        int row = rows.rowOf(packet);
        if (row < 0 || table == null) {
            return false;
        }
        table.getSelectionModel().clearAndSelect(row);
        table.scrollTo(Math.max(0, row - 3));
        return true;
    }

    private void showPacket(int packet) {
        selectedPacket = packet;
        Dissection d = summaries.dissect(packet);
        List<DetailNode> roots = treeBuilder.build(d);
        byte[] bytes = d.segment().asSlice(d.base(), d.capturedLength())
                .toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        addLink(packet, roots);
        TreeItem<DetailNode> root = new TreeItem<>();
        for (DetailNode n : roots) {
            root.getChildren().add(item(n));
        }
        details.setRoot(root);
        hex.show(bytes, d.reassembledBytes());
        explainDefault(roots);
    }

    private void expand(DetailNode layer) {
        if (details.getRoot() != null) {
            for (TreeItem<DetailNode> it : details.getRoot().getChildren()) {
                if (it.getValue() == layer) {
                    it.setExpanded(true);
                }
            }
        }
    }

    /**
     * Adds Wireshark's "[Response in: N]" / "[Request in: N]" line under the ICMP or ARP layer. Done after the tree
     * is built because finding the partner dissects other packets with the same dissector.
     */
    private void addLink(int packet, List<DetailNode> roots) {
        DetailNode layer = null;
        for (DetailNode n : roots) {
            if (n.protocol().equals("icmp") || n.protocol().equals("arp")) {
                layer = n;
            }
        }
        if (layer == null) {
            return;
        }
        int link = RequestReplyLinks.linkedPacket(file, summaries, packet);
        if (link < 0) {
            return;
        }
        boolean reply = link > packet;
        String name = layer.protocol() + (reply ? ".resp_in" : ".resp_to");
        layer.children().add(new DetailNode("[" + (reply ? "Response" : "Request") + " in: " + (link + 1)
                + "]  (double-click to go there)", name, 0, 0, layer.depth(), false, layer.protocol(),
                "frame.number == " + (link + 1), "Double-click, or Ctrl+L, to go to packet " + (link + 1), null,
                java.util.Map.of("link", Integer.toString(link))));
    }

    private TreeItem<DetailNode> item(DetailNode n) {
        TreeItem<DetailNode> it = new TreeItem<>(n);
        for (DetailNode c : n.children()) {
            it.getChildren().add(item(c));
        }
        return it;
    }

    private void explainDefault(List<DetailNode> roots) {
        for (String p : EXPLAIN_FIRST) {
            for (DetailNode n : roots) {
                if (n.protocol().equals(p) && explainLayer(n)) {
                    return;
                }
            }
        }
        explain.clear();
    }

    private boolean explainLayer(DetailNode layer) {
        String heading = layer.label().replace("  [", " [");
        boolean shown = explain.show(layer.protocol(), heading, layer.values());
        if (shown) {
            expand(layer);
        }
        return shown;
    }

    private void onDetailSelected(TreeItem<DetailNode> item) {
        if (item == null || item.getValue() == null) {
            hex.highlight(0, 0);
            return;
        }
        DetailNode n = item.getValue();
        hex.highlight(n.start(), n.length());
        TreeItem<DetailNode> top = item;
        while (top.getParent() != null && top.getParent().getValue() != null) {
            top = top.getParent();
        }
        explainLayer(top.getValue());
    }

    /** Selects the smallest field containing byte {@code offset}, as clicking a byte in Wireshark does. */
    private void selectFieldAt(int offset) {
        TreeItem<DetailNode> best = null;
        List<TreeItem<DetailNode>> stack = new ArrayList<>();
        if (details.getRoot() != null) {
            stack.addAll(details.getRoot().getChildren());
        }
        while (!stack.isEmpty()) {
            TreeItem<DetailNode> it = stack.remove(stack.size() - 1);
            DetailNode n = it.getValue();
            if (n.covers(offset)) {
                if (best == null || n.length() < best.getValue().length()
                        || (n.length() == best.getValue().length() && depthOf(it) > depthOf(best))) {
                    best = it;
                }
                stack.addAll(it.getChildren());
            }
        }
        if (best != null) {
            for (TreeItem<DetailNode> p = best.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            details.getSelectionModel().select(best);
            int row = details.getRow(best);
            if (row >= 0) {
                details.scrollTo(Math.max(0, row - 2));
            }
        }
    }

    private static int depthOf(TreeItem<?> it) {
        int d = 0;
        for (TreeItem<?> p = it.getParent(); p != null; p = p.getParent()) {
            d++;
        }
        return d;
    }

    private final class DetailCell extends TreeCell<DetailNode> {
        @Override
        protected void updateItem(DetailNode n, boolean empty) {
            super.updateItem(n, empty);
            getStyleClass().removeAll("detail-layer", "detail-outer", "detail-inner");
            if (empty || n == null) {
                setText(null);
                setTooltip(null);
                setContextMenu(null);
                return;
            }
            setText(n.label());
            getStyleClass().add(n.depth() > 0 ? "detail-inner" : "detail-outer");
            String link = n.values().get("link");
            setOnMouseClicked(link == null ? null : e -> {
                if (e.getClickCount() == 2) {
                    selectPacket(Integer.parseInt(link));
                }
            });
            if (n.layer()) {
                getStyleClass().add("detail-layer");
            }
            String tip = n.fieldName() + (n.length() > 0 ? "  (" + n.length() + " byte" + (n.length() == 1 ? "" : "s")
                    + " at offset " + n.start() + ")" : "") + (n.hint() != null ? "\n" + n.hint() : "");
            Tooltip t = new Tooltip(tip);
            t.setWrapText(true);
            t.setMaxWidth(480);
            setTooltip(t);
            MenuItem apply = new MenuItem("Apply as filter: " + n.filter());
            apply.setOnAction(e -> {
                filterBar.setText(n.filter());
                filterBar.apply();
            });
            MenuItem prepare = new MenuItem("Prepare as filter");
            prepare.setOnAction(e -> filterBar.setText(n.filter()));
            MenuItem copy = new MenuItem("Copy line");
            copy.setOnAction(e -> copy(n.label()));
            MenuItem copyName = new MenuItem("Copy field name");
            copyName.setOnAction(e -> copy(n.fieldName()));
            setContextMenu(new ContextMenu(apply, prepare, copy, copyName));
        }
    }

    // ---- actions ----

    private void copySelectedRows() {
        StringBuilder sb = new StringBuilder();
        for (Integer packet : table.getSelectionModel().getSelectedItems()) {
            sb.append(CsvExport.tabbed(table.rowText(packet))).append('\n');
        }
        copy(sb.toString());
    }

    private static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** Follows "reply in N" / "request in N": the linked packet of the selected one, when the analysis found one. */
    public void followLink() {
        if (selectedPacket < 0) {
            return;
        }
        int link = RequestReplyLinks.linkedPacket(file, summaries, selectedPacket);
        if (link >= 0 && !selectPacket(link)) {
            statusSink.accept("Packet " + (link + 1) + " is linked but hidden by the filter");
        } else if (link < 0) {
            statusSink.accept("No request or reply found for packet " + (selectedPacket + 1));
        }
    }

    public void exportDisplayed(Path out) throws IOException {
        int[] packets = rows.packets();
        int n = PcapExport.write(file, packets, packets.length, out);
        statusSink.accept("Exported " + n + " packets to " + out);
    }

    public void saveCsv(Path out) throws IOException {
        CsvExport.write(out, rows.size(), table.displayedRowText());
        statusSink.accept("Saved " + rows.size() + " rows to " + out);
    }

    public void close() {
        if (loader != null) {
            loader.cancel();
        }
        // the mapping is released once the loader thread has stopped using it
        Platform.runLater(() -> {
            if (file != null && (loader == null || loader.isDone())) {
                file.close();
            }
        });
    }

    // ---- for the window and the tests ----

    public Path path() {
        return path;
    }

    public CaptureFile file() {
        return file;
    }

    public TableView<Integer> table() {
        return table;
    }

    /** The list's row for packet {@code packet} (0-based), as the table shows it now. */
    public PacketRow row(int packet) {
        return summaries.row(packet);
    }

    public PacketNumberList rows() {
        return rows;
    }

    public FilterBar filterBar() {
        return filterBar;
    }

    public TreeView<DetailNode> details() {
        return details;
    }

    public HexPane hex() {
        return hex;
    }

    public ExplainPane explain() {
        return explain;
    }

    public NotificationPane notifications() {
        return notifications;
    }

    /** "first rows after X ms, whole file indexed after Y ms", for the documented measurements. */
    public String loadTimings() {
        return String.format("%s: %d packets, first rows after %.0f ms, whole file indexed after %.0f ms",
                path.getFileName(), file == null ? 0 : file.packetCount(), (firstRowsNanos - loadStartNanos) / 1e6,
                (indexedNanos - loadStartNanos) / 1e6);
    }

    public boolean isLoaded() {
        return loaded;
    }

    public int selectedPacket() {
        return selectedPacket;
    }
}
