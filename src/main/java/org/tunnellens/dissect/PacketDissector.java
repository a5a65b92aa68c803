package org.tunnellens.dissect;

import org.tunnellens.capture.CaptureFile;
import org.tunnellens.capture.PacketIndex;

/**
 * Dissects packets of one capture into one reusable {@link Dissection}: walks the layers by asking each decoder
 * what comes next (gopacket's DecodingLayerParser). Not thread-safe: one dissector per thread.
 */
public final class PacketDissector {
    /** A packet has at most this many layers; more means a crafted loop and decoding stops. */
    public static final int MAX_LAYERS = 64;
    /** Which packets the dissectors of one session have seen, shared with the look-behind dissector. */
    private static final StateKey<VisitedPackets> VISITED = StateKey.ofSession("visited packets",
            s -> new VisitedPackets());

    private final CaptureFile file;
    private final Dissection d = new Dissection();
    private final long firstTimestamp;
    private final VisitedPackets visited;
    private PacketDissector lookBehind;

    public PacketDissector(CaptureFile file) {
        this(file, DecodeConfig.defaults());
    }

    public PacketDissector(CaptureFile file, DecodeConfig config) {
        this(file, config.tables(), null);
    }

    private PacketDissector(CaptureFile file, DissectorTables tables, States lookBehindFor) {
        this.file = file;
        this.d.tables = tables;
        this.d.states = new States(new Session(), lookBehindFor);
        this.visited = d.states.get(VISITED);
        this.firstTimestamp = file.packetCount() > 0 ? file.index().timestampNanos(0) : 0;
    }

    /** What the protocols' state may ask of this dissector. */
    private final class Session implements DissectorSession {
        @Override
        public java.lang.foreign.MemorySegment fileData() {
            return file.data();
        }

        @Override
        public long fileSizeNow() {
            return file.sizeNow();
        }

        @Override
        public boolean visited(int packet) {
            return visited.contains(packet);
        }

        @Override
        public void dissectEarlier(int packet) {
            // a second dissector with its own record and TCP state, so the packet being dissected is untouched
            if (lookBehind == null) {
                lookBehind = new PacketDissector(file, d.tables, d.states);
            }
            lookBehind.dissect(packet);
        }
    }

    /** Dissects packet {@code i} (0-based). The returned object is reused by the next call. */
    public Dissection dissect(int i) {
        PacketIndex idx = file.index();
        int capLen = idx.capturedLength(i);
        int origLen = idx.originalLength(i);
        boolean readable = stillInFile(idx.offset(i) + capLen) && readable(file.data(), idx.offset(i), capLen);
        if (!readable) {
            capLen = 0; // no decoder or formatter may touch these bytes: every layer shows as malformed
        }
        d.reset(file.data(), idx.offset(i), capLen, origLen);
        visited.add(i);
        d.frameNumber = i + 1;
        d.timestampNanos = idx.timestampNanos(i);
        d.interfaceId = idx.interfaceId(i);
        d.linkType = file.linkType(i);
        d.interfaceName = file.interfaceName(i);

        int frameOcc = d.beginLayer(Frame.PROTO, 0, capLen);
        if (!readable) {
            d.flag(frameOcc, Dissection.FLAG_MALFORMED);
        }
        if (file.format() == org.tunnellens.capture.CaptureFormat.PCAPNG) {
            d.addGenerated(Frame.INTERFACE_ID, d.interfaceId); // a classic pcap has no interfaces: tshark omits it
        }
        if (d.interfaceName != null) {
            d.addText(Frame.INTERFACE_NAME, 0, 0, d.interfaceName, -1);
            d.flag(d.count - 1, Dissection.FLAG_GENERATED);
        }
        d.addGenerated(Frame.LINK_TYPE, d.linkType);
        d.addGenerated(Frame.TIME_EPOCH, d.timestampNanos);
        long prev = i > 0 ? idx.timestampNanos(i - 1) : d.timestampNanos;
        d.addGenerated(Frame.TIME_DELTA, d.timestampNanos - prev);
        d.addGenerated(Frame.TIME_RELATIVE, d.timestampNanos - firstTimestamp);
        d.addGenerated(Frame.NUMBER, i + 1);
        d.addGenerated(Frame.LEN, origLen);
        d.addGenerated(Frame.CAP_LEN, capLen);
        if (capLen < origLen) {
            d.addGenerated(Frame.TRUNCATED, 1);
        }
        d.addGenerated(Frame.PROTOCOLS, 0);

        LayerDecoder first = d.tables.linkType(d.linkType);
        if (first == null) {
            d.addGenerated(Frame.UNSUPPORTED, d.linkType);
            return d;
        }
        run(first, 0, capLen);
        d.markProblems();
        return d;
    }

    /**
     * Whether the bytes below {@code end} are still in the file. The size is asked of the file (an fstat) before
     * the first packet this dissector reads, whenever a packet ends beyond the size last seen, and otherwise at
     * most once per {@link #SIZE_RECHECK_NANOS}: asking for every packet cost a third of the dissection time
     * (1.2 M fstat calls per GiB). A file truncated while idle is therefore always noticed before its lost pages
     * are read; one truncated in the middle of a continuous scan can be missed for up to that interval.
     */
    private boolean stillInFile(long end) {
        long now = System.nanoTime();
        if (end > sizeSeen || now - sizeSeenAt > SIZE_RECHECK_NANOS) {
            sizeSeen = file.sizeNow();
            sizeSeenAt = now;
        }
        return end <= sizeSeen;
    }

    static final long SIZE_RECHECK_NANOS = 1_000_000;
    private long sizeSeen = -1;
    private long sizeSeenAt;

    /**
     * Whether every page of a packet can still be read, for a truncation that {@link #stillInFile}
     * did not see yet. The lost pages raise SIGBUS, which the JVM reports as an InternalError: synchronously in
     * interpreted code (caught here, before any decoder or formatter runs), but only at a later safepoint in
     * compiled code, so this is the second line of defence, not the first.
     */
    private static boolean readable(java.lang.foreign.MemorySegment data, long off, int len) {
        try {
            int sum = 0;
            for (long p = off; p < off + len; p += PAGE) {
                sum += data.get(java.lang.foreign.ValueLayout.JAVA_BYTE, p);
            }
            if (len > 0) {
                sum += data.get(java.lang.foreign.ValueLayout.JAVA_BYTE, off + len - 1);
            }
            probeSink = sum; // a load whose value is unused may be removed by the JIT, and then nothing is probed
            return true;
        } catch (InternalError e) {
            return false;
        }
    }

    private static final int PAGE = 4096;
    @SuppressWarnings("unused")
    private static int probeSink;

    private void run(LayerDecoder decoder, int off, int end) {
        LayerDecoder next = decoder;
        int o = off;
        int e = end;
        for (int n = 0; next != null && n < MAX_LAYERS; n++) {
            d.nextDecoder = null;
            try {
                next.decode(d, o, e);
            } catch (IndexOutOfBoundsException ex) {
                // a decoder read past the captured bytes: the layer is malformed, the packet stays listed
                d.flag(d.layerOccurrence(d.layerCount() - 1), Dissection.FLAG_MALFORMED);
                return;
            } catch (InternalError ex) {
                // the mapped page is gone (file truncated by another program since it was opened): the bytes
                // cannot be read, so the layer is malformed rather than the JVM crashing
                d.flag(d.layerOccurrence(d.layerCount() - 1), Dissection.FLAG_MALFORMED);
                return;
            }
            next = d.nextDecoder;
            o = d.nextOffset;
            e = Math.min(d.nextEnd, d.limit());
            if (o > e) {
                return;
            }
        }
    }

    public Dissection current() {
        return d;
    }

    public DissectorTables tables() {
        return d.tables;
    }

    public CaptureFile file() {
        return file;
    }
}
