package org.tunnellens.ui.correlation;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import org.tunnellens.analysis.correlation.PairTable;
import org.tunnellens.analysis.correlation.UnpairedFrames;
import org.tunnellens.analysis.correlation.UnpairedReason;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.ui.MacAnnotator;
import org.tunnellens.ui.PacketNumberList;
import org.tunnellens.ui.PacketRow;
import org.tunnellens.ui.PacketTable;
import org.tunnellens.ui.RowColour;
import org.tunnellens.ui.RowSummaries;

/**
 * One side of the correlation window: the main window's packet list over one capture, with a Pair column (the
 * partner's frame number, or why there is none), unpaired rows tinted, and the selected packet's partner marked.
 */
public final class SidePacketList extends BorderPane {
    private final boolean outerSide;
    private final boolean bothUnderlay;
    private final CaptureFile file;
    private final PairTable pairs;
    private final UnpairedFrames unpaired;
    private final PacketNumberList rows = new PacketNumberList();
    private final RowSummaries summaries;
    private final PacketTable table;
    private int partnerPacket = -1;

    /**
     * @param bothUnderlay both captures are underlay ones (mode outer-outer): each side carries VNIs, and the
     *                     partner is the other end's sighting rather than an inner or outer frame
     */
    public SidePacketList(String title, boolean outerSide, boolean bothUnderlay, CaptureFile file, PairTable pairs,
                          UnpairedFrames unpaired, MacAnnotator macs) {
        this.outerSide = outerSide;
        this.bothUnderlay = bothUnderlay;
        this.file = file;
        this.pairs = pairs;
        this.unpaired = unpaired;
        rows.showAll(file.packetCount());
        summaries = new RowSummaries(file);
        table = new PacketTable(summaries, rows, macs);
        table.setId(outerSide ? "outer-list" : "inner-list");
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.SINGLE);
        fitColumns();
        table.setRowFactory(tv -> new PairedRow());
        table.setPlaceholder(new Label("No packet of this kind in this capture"));
        Label heading = new Label(title);
        heading.getStyleClass().add("corr-side-title");
        heading.setMaxWidth(Double.MAX_VALUE);
        heading.setTooltip(new Tooltip(file.path().toAbsolutePath().toString()));
        setTop(heading);
        setCenter(table);
        getStyleClass().add("corr-side");
    }

    /** Two lists share the width of one: the Length column goes and the address columns get narrower. */
    @SuppressWarnings("unchecked")
    private void fitColumns() {
        java.util.List<TableColumn<Integer, ?>> drop = new java.util.ArrayList<>();
        for (TableColumn<Integer, ?> c : table.getColumns()) {
            switch (c.getText()) {
                case "Length" -> drop.add(c);
                // the bridge side carries no VXLAN (its frames are the inner ones), so its VNI column stays empty
                case "VNI" -> {
                    if (!outerSide && !bothUnderlay) {
                        drop.add(c);
                    }
                    c.setPrefWidth(40);
                }
                case "No." -> c.setPrefWidth(46);
                case "Time" -> c.setPrefWidth(78);
                case "Source", "Destination" -> c.setPrefWidth(116);
                case "Protocol" -> c.setPrefWidth(58);
                default -> { }
            }
        }
        table.getColumns().removeAll(drop);
        String pairTitle = bothUnderlay ? "Other" : outerSide ? "Inner" : "Outer";
        TableColumn<Integer, PacketRow> pair = new TableColumn<>(pairTitle);
        pair.setPrefWidth(80);
        pair.setSortable(false);
        Function<PacketRow, String> text = r -> pairText(r.number());
        pair.setUserData(text);
        pair.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(null));
        pair.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(PacketRow ignored, boolean empty) {
                super.updateItem(ignored, empty);
                Integer packet = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(packet == null ? null : pairText(packet + 1));
            }
        });
        pair.getStyleClass().add("corr-pair-cell");
        table.getColumns().add(1, pair);
    }

    /**
     * "↔ 12" for a paired frame, "part of 32" for a piece of a datagram that frame 32 reassembles (and pairs), the
     * reason's key for any other unpaired one.
     */
    String pairText(int frame) {
        int partner = partnerFrame(frame);
        if (partner > 0) {
            return "\u2194 " + partner;
        }
        int in = reassembledIn(frame);
        if (in > 0) {
            return "part of " + in;
        }
        UnpairedReason r = unpaired.reasonOf(frame);
        return r == null ? "" : r.key();
    }

    /** The frame that reassembles the datagram {@code frame} is a piece of, or 0 when it is not such a piece. */
    public int reassembledIn(int frame) {
        int i = unpaired.indexOf(frame);
        return i < 0 ? 0 : unpaired.reassembledIn(i);
    }

    /** The other capture's frame number paired with {@code frame} of this one, or -1. */
    public int partnerFrame(int frame) {
        int i = outerSide ? pairs.indexOfOuterFrame(frame) : pairs.indexOfInnerFrame(frame);
        if (i < 0) {
            return -1;
        }
        return outerSide ? pairs.innerFrame(i) : pairs.outerFrame(i);
    }

    /** Index into the pair table for this side's {@code frame}, or -1. */
    public int pairIndex(int frame) {
        return outerSide ? pairs.indexOfOuterFrame(frame) : pairs.indexOfInnerFrame(frame);
    }

    public UnpairedReason reasonOf(int frame) {
        return unpaired.reasonOf(frame);
    }

    public void showOnly(PairFilter filter) {
        table.getSortOrder().clear();
        table.setBaseOrder(filter.rows(file.packetCount(), unpaired));
    }

    /** Selects and scrolls to packet {@code packet} (0-based) and marks it as the partner; false when hidden. */
    public boolean selectPartner(int packet) {
        partnerPacket = packet;
        int row = rows.rowOf(packet);
        table.refresh();
        if (row < 0) {
            table.getSelectionModel().clearSelection();
            return false;
        }
        table.getSelectionModel().clearAndSelect(row);
        table.scrollTo(Math.max(0, row - 3));
        return true;
    }

    public void clearPartner() {
        if (partnerPacket >= 0) {
            partnerPacket = -1;
            table.refresh();
        }
    }

    /** Selects packet {@code packet} (0-based) as if clicked; false when the filter hides it. */
    public boolean select(int packet) {
        int row = rows.rowOf(packet);
        if (row < 0) {
            return false;
        }
        table.getSelectionModel().clearAndSelect(row);
        table.scrollTo(Math.max(0, row - 3));
        return true;
    }

    /** 0-based index of the selected packet, or -1. */
    public int selectedPacket() {
        Integer p = table.getSelectionModel().getSelectedItem();
        return p == null ? -1 : p;
    }

    public int partnerPacket() {
        return partnerPacket;
    }

    public PacketTable table() {
        return table;
    }

    public PacketNumberList rows() {
        return rows;
    }

    public CaptureFile file() {
        return file;
    }

    public boolean isOuterSide() {
        return outerSide;
    }

    private final class PairedRow extends TableRow<Integer> {
        @Override
        protected void updateItem(Integer packet, boolean empty) {
            super.updateItem(packet, empty);
            for (RowColour c : RowColour.values()) {
                getStyleClass().remove(c.styleClass());
            }
            getStyleClass().removeAll("corr-unpaired", "corr-fragment", "corr-partner");
            setTooltip(null);
            if (empty || packet == null) {
                return;
            }
            if (packet == partnerPacket) {
                getStyleClass().add("corr-partner");
            }
            int i = unpaired.indexOf(packet + 1);
            UnpairedReason reason = i < 0 ? null : unpaired.reason(i);
            if (reason != null) {
                setTooltip(new Tooltip("Unpaired (" + reason.key() + "): " + unpaired.description(i)));
                if (reason != UnpairedReason.FRAGMENT) {
                    getStyleClass().add("corr-unpaired");
                    return;
                }
                // a piece of a reassembled datagram is no problem: its own colour, the Pair cell names the frame
                getStyleClass().add("corr-fragment");
            }
            getStyleClass().add(summaries.row(packet).colour().styleClass());
        }
    }
}
