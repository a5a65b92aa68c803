package org.tunnellens.ui;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.tunnellens.capture.PacketIndex;
import org.tunnellens.dissect.column.FieldFormatter;

/**
 * The virtualised packet list: its items are packet indices ({@link PacketNumberList}); each visible cell asks
 * {@link RowSummaries} for its row, so only what is on screen is ever dissected. Sorting reorders the index array.
 */
public final class PacketTable extends TableView<Integer> {
    private final RowSummaries summaries;
    private final PacketNumberList rows;
    private final MacAnnotator macs;
    private TimeFormat timeFormat = TimeFormat.RELATIVE;
    private ZoneId zone = ZoneId.systemDefault();
    private boolean rawAddresses;
    /** Up to this many rows are sorted at once on the UI thread (well under a second). */
    static final int SYNC_SORT_ROWS = 100_000;

    private javafx.concurrent.Task<int[]> sortTask;
    /** The rows before any column sort: all packets or the filter's matches, in file order. */
    private int[] baseOrder;

    public PacketTable(RowSummaries summaries, PacketNumberList rows, MacAnnotator macs) {
        super(rows);
        this.summaries = summaries;
        this.rows = rows;
        this.macs = macs;
        setId("packet-list");
        getStyleClass().add("packet-list");
        setFixedCellSize(22);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getColumns().add(column("No.", 64, r -> Integer.toString(r.number()), "col-right",
                Comparator.comparingInt(PacketRow::number)));
        getColumns().add(column("Time", 120, this::time, "col-right",
                Comparator.comparingLong(PacketRow::timestampNanos)));
        getColumns().add(column("Source", 200, r -> address(r.source(), r.sourceMac()), null, null));
        getColumns().add(column("Destination", 200, r -> address(r.destination(), r.destinationMac()), null, null));
        getColumns().add(column("Protocol", 80, PacketRow::protocol, null, null));
        getColumns().add(column("Length", 64, r -> Integer.toString(r.length()), "col-right",
                Comparator.comparingInt(PacketRow::length)));
        getColumns().add(column("VNI", 60, PacketRow::vniText, "col-right",
                Comparator.comparingLong(PacketRow::vni)));
        TableColumn<Integer, PacketRow> info = column("Info", 520, PacketRow::info, null, null);
        getColumns().add(info);
        // Info takes whatever width the other columns leave, so it is not cut short while space is free
        info.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double others = 0;
            for (TableColumn<Integer, ?> c : getColumns()) {
                if (c != info) {
                    others += c.getWidth();
                }
            }
            return Math.max(420, getWidth() - others - 18);
        }, widthProperty()));
        setRowFactory(tv -> new ColouredRow());
        setSortPolicy(tv -> {
            sortRows();
            return true;
        });
    }

    private TableColumn<Integer, PacketRow> column(String title, double width, Function<PacketRow, String> text,
                                                   String styleClass, Comparator<PacketRow> order) {
        TableColumn<Integer, PacketRow> c = new TableColumn<>(title);
        boolean vniColumn = title.equals("VNI");
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(summaries.row(p.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(PacketRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : text.apply(r));
                if (vniColumn) {
                    getStyleClass().remove("vni-tunnelled");
                    if (!empty && r != null && r.vni() >= 0) {
                        getStyleClass().add("vni-tunnelled");
                    }
                }
            }
        });
        if (styleClass != null) {
            c.getStyleClass().add(styleClass);
        }
        Comparator<PacketRow> cmp = order != null ? order : Comparator.comparing(text);
        c.setComparator(cmp);
        c.setUserData(text);
        return c;
    }

    private String time(PacketRow r) {
        PacketIndex idx = summaries.file().index();
        int i = r.number() - 1;
        long first = idx.size() > 0 ? idx.timestampNanos(0) : 0;
        long prev = i > 0 ? idx.timestampNanos(i - 1) : r.timestampNanos();
        return timeFormat.format(r.timestampNanos(), first, prev, zone);
    }

    /** A MAC in the Source/Destination column gets its vendor or cloud name, as Wireshark resolves it. */
    private String address(String column, long mac) {
        if (rawAddresses || mac < 0 || !column.equals(FieldFormatter.mac(mac))) {
            return column;
        }
        return macs.annotate(mac).display();
    }

    public void setTimeFormat(TimeFormat f, ZoneId zone) {
        this.timeFormat = f;
        this.zone = zone;
        refresh();
    }

    public void setRawAddresses(boolean raw) {
        this.rawAddresses = raw;
        refresh();
    }

    /** Called when the filter changes the row set: that set becomes the unsorted order. */
    public void setBaseOrder(int[] order) {
        this.baseOrder = order;
        if (order == null) {
            return;
        }
        if (!getSortOrder().isEmpty()) {
            sortRows();
        } else {
            rows.show(order);
        }
    }

    @SuppressWarnings("unchecked")
    private void sortRows() {
        if (sortTask != null) {
            sortTask.cancel();
            sortTask = null;
        }
        if (getSortOrder().isEmpty()) {
            if (baseOrder != null) {
                rows.show(baseOrder);
            } else if (!rows.showsAll()) {
                rows.showAll(summaries.file().packetCount());
            }
            return;
        }
        int[] current = baseOrder != null ? baseOrder : rows.packets();
        List<Comparator<PacketRow>> cmps = new ArrayList<>();
        for (TableColumn<Integer, ?> c : getSortOrder()) {
            Comparator<PacketRow> cmp = (Comparator<PacketRow>) c.getComparator();
            cmps.add(c.getSortType() == TableColumn.SortType.DESCENDING ? cmp.reversed() : cmp);
        }
        Comparator<PacketRow> all = cmps.stream().reduce(Comparator::thenComparing).orElseThrow()
                .thenComparingInt(PacketRow::number);
        if (current.length <= SYNC_SORT_ROWS) {
            rows.show(sortedOrder(current, all, summaries::dissect, summaries.pairs(), () -> false));
            return;
        }
        // a big capture is sorted on a worker with its own dissector; the list keeps its order until then
        org.tunnellens.capture.CaptureFile file = summaries.file();
        org.tunnellens.dissect.PassResults pairs = summaries.pairs();
        javafx.concurrent.Task<int[]> task = new javafx.concurrent.Task<>() {
            @Override
            protected int[] call() {
                org.tunnellens.dissect.PacketDissector d = new org.tunnellens.dissect.PacketDissector(file);
                return sortedOrder(current, all, d::dissect, pairs, this::isCancelled);
            }
        };
        task.setOnSucceeded(e -> {
            if (task == sortTask && task.getValue() != null) {
                sortTask = null;
                rows.show(task.getValue());
            }
        });
        sortTask = task;
        Thread t = new Thread(task, "sort packet list");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Rows are summarised once each for the sort and dropped after it: a sort holds one row object per displayed
     * packet only for its duration.
     */
    private static int[] sortedOrder(int[] current, Comparator<PacketRow> order,
                                     IntFunction<org.tunnellens.dissect.Dissection> dissect,
                                     org.tunnellens.dissect.PassResults pairs,
                                     java.util.function.BooleanSupplier cancelled) {
        PacketRow[] keyed = new PacketRow[current.length];
        for (int i = 0; i < current.length; i++) {
            keyed[i] = RowSummaries.summarise(dissect.apply(current[i]), pairs);
            if ((i & 0xffff) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
        }
        Arrays.sort(keyed, order);
        int[] sorted = new int[keyed.length];
        for (int i = 0; i < keyed.length; i++) {
            sorted[i] = keyed[i].number() - 1;
        }
        return sorted;
    }

    /** The cells of a displayed row as text, for copy and CSV. */
    @SuppressWarnings("unchecked")
    public List<String> rowText(int packet) {
        PacketRow r = summaries.row(packet);
        List<String> out = new ArrayList<>();
        for (TableColumn<Integer, ?> c : getColumns()) {
            out.add(((Function<PacketRow, String>) c.getUserData()).apply(r));
        }
        return out;
    }

    public IntFunction<List<String>> displayedRowText() {
        return row -> rowText(rows.packetAt(row));
    }

    private final class ColouredRow extends TableRow<Integer> {
        @Override
        protected void updateItem(Integer packet, boolean empty) {
            super.updateItem(packet, empty);
            for (RowColour c : RowColour.values()) {
                getStyleClass().remove(c.styleClass());
            }
            if (empty || packet == null) {
                setTooltip(null);
                return;
            }
            RowColour c = summaries.row(packet).colour();
            getStyleClass().add(c.styleClass());
        }
    }

    static Tooltip legendTooltip(RowColour c) {
        return new Tooltip(c.legend());
    }
}
