package org.tunnellens.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Packet bytes as hex and ASCII. Each byte is a small label in both columns so that a field's range can be lit up
 * and a click on a byte can be mapped back to the field that contains it.
 */
public final class HexPane extends ScrollPane {
    private final VBox lines = new VBox();
    private final List<Label> hexCells = new ArrayList<>();
    private final List<Label> asciiCells = new ArrayList<>();
    private IntConsumer onByteClicked = b -> { };
    private byte[] bytes = new byte[0];

    public HexPane() {
        getStyleClass().add("hex-pane");
        lines.getStyleClass().add("hex-lines");
        setContent(lines);
        setFitToWidth(true);
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy bytes as hex dump");
        copy.setOnAction(e -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString(HexDump.text(bytes));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        setContextMenu(new javafx.scene.control.ContextMenu(copy));
    }

    public void setOnByteClicked(IntConsumer handler) {
        this.onByteClicked = handler;
    }

    public void show(byte[] packet) {
        show(packet, null);
    }

    /**
     * Shows the frame's bytes and, below them under their own heading (Wireshark's second data tab), the bytes of
     * an IPv4 datagram reassembled in this frame. Byte {@code i} of the reassembled block is addressed as
     * {@code packet.length + i}, as the dissection addresses it, so highlighting and clicks need no translation.
     */
    public void show(byte[] packet, byte[] reassembled) {
        this.bytes = packet;
        lines.getChildren().clear();
        hexCells.clear();
        asciiCells.clear();
        appendBlock(packet, 0);
        if (reassembled != null) {
            Label heading = new Label("Reassembled IPv4 (" + reassembled.length + " bytes)");
            heading.getStyleClass().add("hex-heading");
            lines.getChildren().add(heading);
            appendBlock(reassembled, packet.length);
        }
    }

    private void appendBlock(byte[] data, int first) {
        for (int line = 0; line * HexDump.BYTES_PER_LINE < data.length; line++) {
            HBox row = new HBox();
            row.getStyleClass().add("hex-line");
            Label off = new Label(HexDump.offset(line));
            off.getStyleClass().add("hex-offset");
            row.getChildren().add(off);
            HBox hex = new HBox();
            hex.getStyleClass().add("hex-bytes");
            HBox ascii = new HBox();
            ascii.getStyleClass().add("hex-ascii");
            for (int i = 0; i < HexDump.BYTES_PER_LINE; i++) {
                int in = line * HexDump.BYTES_PER_LINE + i;
                int at = first + in;
                boolean present = in < data.length;
                Label h = new Label(present ? HexDump.hex(data[in]) : "00");
                h.getStyleClass().add("hex-byte");
                if (!present) {
                    // an invisible "00" keeps the ASCII column aligned on the last line
                    h.getStyleClass().add("hex-empty");
                }
                if (i == 8) {
                    h.getStyleClass().add("hex-mid");
                }
                hex.getChildren().add(h);
                if (present) {
                    Label a = new Label(String.valueOf(HexDump.ascii(data[in])));
                    a.getStyleClass().add("hex-char");
                    ascii.getChildren().add(a);
                    h.setOnMouseClicked(e -> onByteClicked.accept(at));
                    a.setOnMouseClicked(e -> onByteClicked.accept(at));
                    hexCells.add(h);
                    asciiCells.add(a);
                }
            }
            row.getChildren().addAll(hex, ascii);
            lines.getChildren().add(row);
        }
    }

    /** Lights up bytes {@code start .. start+length-1}; a zero length clears the highlight. */
    public void highlight(int start, int length) {
        for (int i = 0; i < hexCells.size(); i++) {
            boolean on = length > 0 && i >= start && i < start + length;
            setSelected(hexCells.get(i), on);
            setSelected(asciiCells.get(i), on);
        }
        if (length > 0 && start < hexCells.size()) {
            double lineCount = Math.max(1, lines.getChildren().size());
            double line = start / HexDump.BYTES_PER_LINE;
            if (getViewportBounds() != null && lines.getHeight() > getViewportBounds().getHeight()) {
                setVvalue(Math.min(1, line / lineCount));
            }
        }
    }

    /** The byte offsets currently lit up, for tests and "copy selected bytes". */
    public List<Integer> highlighted() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < hexCells.size(); i++) {
            if (hexCells.get(i).getStyleClass().contains("selected")) {
                out.add(i);
            }
        }
        return out;
    }

    public byte[] bytes() {
        return bytes;
    }

    private static void setSelected(Label l, boolean on) {
        if (on) {
            if (!l.getStyleClass().contains("selected")) {
                l.getStyleClass().add("selected");
            }
        } else {
            l.getStyleClass().remove("selected");
        }
    }
}
