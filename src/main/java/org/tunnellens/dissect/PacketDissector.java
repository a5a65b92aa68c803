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
    public static final FieldDef UNSUPPORTED = FieldRegistry.text("_ws.unsupported_link_type",
            "Unsupported link type");

    private final CaptureFile file;
    private final Dissection d = new Dissection();
    private final long firstTimestamp;

    public PacketDissector(CaptureFile file) {
        this(file, DissectorTables.defaults(), new TcpSequences());
    }

    public PacketDissector(CaptureFile file, DissectorTables tables, TcpSequences sequences) {
        this.file = file;
        this.d.tables = tables;
        this.d.tcpSequences = sequences;
        this.firstTimestamp = file.packetCount() > 0 ? file.index().timestampNanos(0) : 0;
    }

    /** Dissects packet {@code i} (0-based). The returned object is reused by the next call. */
    public Dissection dissect(int i) {
        PacketIndex idx = file.index();
        int capLen = idx.capturedLength(i);
        int origLen = idx.originalLength(i);
        d.reset(file.data(), idx.offset(i), capLen, origLen);
        d.frameNumber = i + 1;
        d.timestampNanos = idx.timestampNanos(i);
        d.interfaceId = idx.interfaceId(i);
        d.linkType = file.linkType(i);
        d.interfaceName = file.interfaceName(i);

        d.beginLayer(Frame.PROTO, 0, capLen);
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

        LayerDecoder first = Protocols.forLinkType(d.linkType);
        if (first == null) {
            d.addGenerated(UNSUPPORTED, d.linkType);
            return d;
        }
        run(first, 0, capLen);
        return d;
    }

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
            e = Math.min(d.nextEnd, d.capturedLength);
            if (o > e) {
                return;
            }
        }
    }

    public Dissection current() {
        return d;
    }

    public CaptureFile file() {
        return file;
    }
}
