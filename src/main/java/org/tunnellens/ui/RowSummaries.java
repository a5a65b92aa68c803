package org.tunnellens.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.proto.Ethernet;
import org.tunnellens.dissect.column.InfoColumn;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.dissect.column.PacketSummary;
import org.tunnellens.dissect.firstpass.FirstPass;
import org.tunnellens.dissect.proto.Vxlan;

/**
 * Row summaries for the visible part of the packet list: dissected from the mapped file when asked and kept in a
 * small LRU cache, so that a capture of millions of packets never holds an object per packet. One thread only
 * (the UI thread): it owns its dissector.
 */
public final class RowSummaries {
    static final int CACHE_ROWS = 4096;

    private final CaptureFile file;
    private PacketDissector dissector;
    /** Wireshark's first pass (replies, TCP analysis, reassembly), once the background pass has run. */
    private PassResults pairs = PassResults.NONE;
    private final Map<Integer, PacketRow> cache = new LinkedHashMap<>(CACHE_ROWS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, PacketRow> eldest) {
            return size() > CACHE_ROWS;
        }
    };

    public RowSummaries(CaptureFile file) {
        this.file = file;
    }

    /** The row of packet {@code index} (0-based). */
    public PacketRow row(int index) {
        PacketRow r = cache.get(index);
        if (r == null) {
            r = summarise(dissect(index), pairs);
            cache.put(index, r);
        }
        return r;
    }

    /** Dissects a packet with this cache's dissector; the result is overwritten by the next call. */
    public Dissection dissect(int index) {
        if (dissector == null) {
            // made on first use, after the first batch is indexed, so that relative times start at packet 1
            dissector = new PacketDissector(file, DecodeSettings.current());
        }
        return dissector.dissect(index);
    }

    /**
     * Uses the first pass from now on: rows already summarised are dropped, so the Info column gains "(reply in
     * N)", "[TCP Retransmission]" and "[Reassembled in #N]" as Wireshark's list shows them after loading.
     */
    public void usePairs(PassResults firstPass) {
        this.pairs = firstPass;
        cache.clear();
    }

    /** Decodes anew (a Decode As change): every cached row and the first pass's results are dropped. */
    public void redecode() {
        dissector = null;
        pairs = PassResults.NONE;
        cache.clear();
    }

    public PassResults pairs() {
        return pairs;
    }

    public static PacketRow summarise(Dissection d) {
        return summarise(d, PassResults.NONE);
    }

    public static PacketRow summarise(Dissection d, PassResults pairs) {
        StringBuilder sb = new StringBuilder();
        PacketSummary.appendAddress(d, sb, true);
        String src = sb.toString();
        sb.setLength(0);
        PacketSummary.appendAddress(d, sb, false);
        String dst = sb.toString();
        int srcMac = d.last(Ethernet.SRC);
        int dstMac = d.last(Ethernet.DST);
        return new PacketRow(d.frameNumber(), d.timestampNanos(), src, dst, PacketSummary.protocol(d),
                d.originalLength(), d.firstValue(Vxlan.VNI, -1), InfoColumn.info(d, pairs), RowColour.of(d),
                srcMac < 0 ? -1 : d.value(srcMac), dstMac < 0 ? -1 : d.value(dstMac));
    }

    public CaptureFile file() {
        return file;
    }
}
