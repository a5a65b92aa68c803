package org.tunnellens.dissect.column;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.StateKey;
import org.tunnellens.dissect.States;
import org.tunnellens.dissect.TcpdumpPrinter;

/**
 * tcpdump's one-line style, as {@code tcpdump -# -n -tttt} (and {@code -e} with link headers) prints it, since many
 * lab guides quote tcpdump. Each protocol prints its own part ({@code Protocol#appendTcpdump}), handing on to the
 * next as tcpdump's printers do; a protocol without a printer shows its name. A VXLAN packet gives two lines, the
 * outer one ending in "vni N" and the inner frame; VXLAN on 8472 is called VXLAN (not OTV, tcpdump's default name
 * for that port). Not thread-safe: one per thread, reused for every line.
 */
public final class TcpdumpLine implements TcpdumpPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final boolean linkHeaders;
    private Dissection d;
    private StringBuilder sb;
    private boolean linkPrinted;
    private int frameLength;
    private String source = "";
    private String destination = "";
    private final States states = new States(null);

    public TcpdumpLine(boolean linkHeaders) {
        this.linkHeaders = linkHeaders;
    }

    /** Appends the packet's line (two or more for a tunnelled frame), without the final newline. */
    public void append(Dissection dissection, StringBuilder out) {
        this.d = dissection;
        this.sb = out;
        String num = Integer.toString(d.frameNumber());
        sb.append(" ".repeat(Math.max(0, 5 - num.length()))).append(num).append("  ");
        long ns = d.timestampNanos();
        Instant t = Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
        sb.append(TIME.format(t)).append('.');
        String micros = Long.toString(Math.floorMod(ns, 1_000_000_000L) / 1000);
        sb.append("0".repeat(6 - micros.length())).append(micros).append(' ');
        linkPrinted = false;
        frameLength = d.originalLength();
        print(d.layerCount() > 1 ? 1 : 0);
    }

    @Override
    public StringBuilder out() {
        return sb;
    }

    @Override
    public boolean linkHeaders() {
        return linkHeaders;
    }

    @Override
    public boolean linkPrinted() {
        return linkPrinted;
    }

    @Override
    public void setLinkPrinted() {
        linkPrinted = true;
    }

    @Override
    public int frameLength() {
        return frameLength;
    }

    @Override
    public int nextShown(int layer) {
        int i = layer;
        while (i < d.layerCount() && d.layerProtocol(i).hidden()) {
            i++;
        }
        return i;
    }

    @Override
    public void print(int layer) {
        if (layer >= d.layerCount()) {
            return;
        }
        if (!d.layerOwner(layer).appendTcpdump(d, layer, this)) {
            sb.append(d.layerProtocol(layer).abbrev());
        }
    }

    @Override
    public void printInnerFrame(int layer) {
        sb.append('\n');
        linkPrinted = false;
        frameLength = d.originalLength() - d.start(d.layerOccurrence(layer));
        print(layer);
    }

    @Override
    public void setAddresses(String src, String dst) {
        source = src;
        destination = dst;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String destination() {
        return destination;
    }

    @Override
    public <T> T state(StateKey<T> key) {
        return states.get(key);
    }
}
