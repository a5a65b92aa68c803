package org.tunnellens.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The main window's content: menus, toolbar, one tab per open capture, and the window's status line. */
public final class MainWindow extends BorderPane {
    private final TabPane tabs = new TabPane();
    private final Label status = new Label("Open a capture: File > Open (Ctrl+O), File > Open sample, or drop files here");
    private final MacAnnotator macs = new MacAnnotator(MacVendors.bundled());
    private final ExplainTexts texts = new ExplainTexts();
    private final RecentFiles recent;
    private final Menu recentMenu = new Menu("Open recent");
    private final ZoneId zone;

    public MainWindow(RecentFiles recent, ZoneId zone) {
        this.recent = recent;
        this.zone = zone;
        getStyleClass().add("main-window");
        tabs.setId("capture-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now instanceof CaptureTab t) {
                status.setText(t.statusText());
            }
        });
        status.setId("window-status");
        status.getStyleClass().add("status-text");
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        setTop(new VBox(menus(), toolbar()));
        setCenter(tabs);
        setBottom(statusBar);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        refreshRecent();
    }

    private MenuBar menus() {
        MenuItem open = new MenuItem("Open...");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> openDialog());
        Menu samples = new Menu("Open sample");
        List<Path> found = SampleCaptures.find();
        if (found.isEmpty()) {
            MenuItem none = new MenuItem("(no samples/ folder next to the jar or in the working directory)");
            none.setDisable(true);
            samples.getItems().add(none);
        }
        for (Path p : found) {
            MenuItem it = new MenuItem(p.toString());
            it.setMnemonicParsing(false);
            it.setOnAction(e -> open(List.of(p)));
            samples.getItems().add(it);
        }
        MenuItem export = new MenuItem("Export displayed packets as pcap...");
        export.setOnAction(e -> exportPcap());
        MenuItem csv = new MenuItem("Save packet list as CSV...");
        csv.setOnAction(e -> saveCsv());
        MenuItem close = new MenuItem("Close capture");
        close.setAccelerator(KeyCombination.keyCombination("Shortcut+W"));
        close.setOnAction(e -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            if (t instanceof CaptureTab ct) {
                ct.close();
                tabs.getTabs().remove(t);
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            Window w = getScene().getWindow();
            w.hide();
        });
        Menu file = new Menu("File", null, open, recentMenu, samples, new SeparatorMenuItem(), export, csv,
                new SeparatorMenuItem(), close, quit);

        MenuItem goTo = new MenuItem("Go to packet...");
        goTo.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        goTo.setOnAction(e -> goToPacket());
        MenuItem follow = new MenuItem("Go to linked packet (request / reply)");
        follow.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        follow.setOnAction(e -> current().ifPresent(CaptureTab::followLink));
        MenuItem filter = new MenuItem("Focus display filter");
        filter.setAccelerator(KeyCombination.keyCombination("Shortcut+Slash"));
        filter.setOnAction(e -> current().ifPresent(t -> t.filterBar().field().requestFocus()));
        Menu go = new Menu("Go", null, goTo, follow, filter);
        MenuItem correlate = new MenuItem("Correlate captures...");
        correlate.setOnAction(e -> org.tunnellens.ui.correlation.CorrelateDialog.show(this));
        Menu analyze = org.tunnellens.ui.ha.HaViews.analyzeMenu(this);
        analyze.getItems().add(0, correlate);
        analyze.getItems().addAll(new SeparatorMenuItem(), decodeAsItem());
        return new MenuBar(file, go, analyze);
    }

    /** Analyze → Decode As…: the rules apply to every open tab at once and are kept for the next run. */
    private MenuItem decodeAsItem() {
        MenuItem decodeAs = new MenuItem("Decode As...");
        decodeAs.setId("decode-as");
        decodeAs.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+U"));
        decodeAs.setOnAction(e -> new DecodeAsDialog(getScene().getWindow(), DecodeSettings.current()).showAndWait()
                .ifPresent(this::useDecodeConfig));
        return decodeAs;
    }

    void useDecodeConfig(org.tunnellens.dissect.DecodeConfig config) {
        try {
            DecodeSettings.set(config);
        } catch (java.io.IOException ex) {
            status.setText("Decode As applies to this session only: cannot save it (" + ex.getMessage() + ")");
        }
        for (Tab t : tabs.getTabs()) {
            if (t instanceof CaptureTab ct) {
                ct.redecode();
            }
        }
    }

    private ToolBar toolbar() {
        Button open = new Button("Open");
        open.setTooltip(new Tooltip("Open one or several captures (Ctrl+O)"));
        open.setOnAction(e -> openDialog());
        Button goTo = new Button("Go to");
        goTo.setTooltip(new Tooltip("Go to packet number (Ctrl+G)"));
        goTo.setOnAction(e -> goToPacket());
        Button follow = new Button("Request \u2194 reply");
        follow.setTooltip(new Tooltip("Jump to the reply of the selected request, or back (Ctrl+L)"));
        follow.setOnAction(e -> current().ifPresent(CaptureTab::followLink));
        Button export = new Button("Export pcap");
        export.setTooltip(new Tooltip("Write the displayed packets to a new pcap file"));
        export.setOnAction(e -> exportPcap());
        Button csv = new Button("Save CSV");
        csv.setOnAction(e -> saveCsv());
        ToolBar bar = new ToolBar(open, goTo, follow, export, csv);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem it = new MenuItem(p.toString());
            it.setMnemonicParsing(false);
            it.setOnAction(e -> open(List.of(p)));
            recentMenu.getItems().add(it);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void openDialog() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open capture");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Captures", "*.pcap", "*.pcapng", "*.cap"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = fc.showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            open(files.stream().map(File::toPath).toList());
        }
    }

    /** Opens each file in its own tab and starts loading it; returns the tabs. */
    public List<CaptureTab> open(List<Path> files) {
        List<CaptureTab> opened = new ArrayList<>();
        for (Path p : files) {
            CaptureTab t = new CaptureTab(p, macs, texts, zone, this::setStatus);
            tabs.getTabs().add(t);
            t.load();
            recent.add(p);
            opened.add(t);
        }
        retitle();
        if (!opened.isEmpty()) {
            tabs.getSelectionModel().select(opened.get(0));
            setStatus("Opening " + opened.size() + " capture" + (opened.size() == 1 ? "" : "s")
                    + "; hover a field for its filter name, right-click it to filter on it");
        }
        refreshRecent();
        return opened;
    }

    private void retitle() {
        List<CaptureTab> open = tabs.getTabs().stream().filter(CaptureTab.class::isInstance)
                .map(CaptureTab.class::cast).toList();
        List<String> names = TabTitles.unique(open.stream().map(CaptureTab::path).toList());
        for (int i = 0; i < open.size(); i++) {
            open.get(i).setDisplayName(names.get(i));
        }
    }

    private void setStatus(String text) {
        status.setText(text);
    }

    public String statusText() {
        return status.getText();
    }

    public Optional<CaptureTab> current() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t instanceof CaptureTab ct ? Optional.of(ct) : Optional.empty();
    }

    public TabPane tabs() {
        return tabs;
    }

    private void goToPacket() {
        current().ifPresent(t -> {
            TextInputDialog d = new TextInputDialog();
            d.setTitle("Go to packet");
            d.setHeaderText(null);
            d.setContentText("Packet number:");
            d.initOwner(getScene().getWindow());
            d.showAndWait().ifPresent(s -> {
                try {
                    int n = Integer.parseInt(s.strip());
                    if (n < 1 || t.file() == null || n > t.file().packetCount()) {
                        setStatus("No packet " + s.strip() + " in " + t.path().getFileName());
                    } else if (!t.selectPacket(n - 1)) {
                        setStatus("Packet " + n + " is hidden by the display filter");
                    }
                } catch (NumberFormatException ex) {
                    setStatus("\"" + s + "\" is not a packet number");
                }
            });
        });
    }

    private void exportPcap() {
        current().filter(t -> t.file() != null).ifPresent(t -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Export displayed packets");
            fc.setInitialFileName(stem(t.path()) + "-displayed.pcap");
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) {
                try {
                    t.exportDisplayed(f.toPath());
                } catch (IOException ex) {
                    setStatus("Cannot write " + f + ": " + ex.getMessage());
                }
            }
        });
    }

    private void saveCsv() {
        current().filter(t -> t.file() != null).ifPresent(t -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Save packet list as CSV");
            fc.setInitialFileName(stem(t.path()) + ".csv");
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) {
                try {
                    t.saveCsv(f.toPath());
                } catch (IOException ex) {
                    setStatus("Cannot write " + f + ": " + ex.getMessage());
                }
            }
        });
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
