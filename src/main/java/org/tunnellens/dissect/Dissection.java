package org.tunnellens.dissect;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The flat, reusable result of dissecting one packet: every field occurrence (field id, byte range relative to the
 * packet's first byte, numeric value) and every protocol layer, in the order they were found, outermost first.
 * One instance is reused for every packet, so dissecting allocates nothing once the arrays have grown.
 */
public final class Dissection {
    public static final int FLAG_GENERATED = 1;
    public static final int FLAG_HEURISTIC = 2;
    public static final int FLAG_MALFORMED = 4;
    public static final int FLAG_BAD_CHECKSUM = 8;
    public static final int FLAG_TRUNCATED = 16;
    /** A layer that appears in the tree but not in {@code frame.protocols} (tshark's VXLAN-GPE). */
    public static final int FLAG_NOT_LISTED = 32;
    /** With FLAG_MALFORMED: reported as an expert note while decoding went on, so Info does not say "Malformed". */
    public static final int FLAG_EXPERT_ONLY = 64;
    /** A layer of the packet an ICMP error quotes: it sets no column and is not real traffic. */
    public static final int FLAG_QUOTED = 128;

    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong BE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort LE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt LE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    // the packet
    MemorySegment segment;
    long base;
    int capturedLength;
    int originalLength;
    int frameNumber;
    long timestampNanos;
    int linkType;
    int interfaceId;
    String interfaceName;
    /**
     * A reassembled IPv4 datagram decoded in this packet (Wireshark's "Reassembled IPv4" data source), or null. Its
     * bytes are addressed as if they followed the frame's: offset {@code capturedLength + i} is its byte i, so every
     * field keeps one start/length pair and one hex view can show both.
     */
    MemorySegment reassembled;
    int reassembledLength;

    // field occurrences
    int count;
    int[] field = new int[64];
    long[] value = new long[64];
    /** Byte range: start in the high 32 bits, length in the low 32 (one store per field instead of two). */
    long[] span = new long[64];
    /** Parent occurrence (or -1) in the high 32 bits, layer index in the low 32. */
    long[] links = new long[64];
    int[] flags = new int[64];
    String[] text = new String[64];
    int[] textSlots = new int[8];
    int textCount;
    /** Every flag given with {@link #flag} since the packet began, to tell quickly that none was a problem. */
    int problems;

    // protocol layers (each also an occurrence of its PROTOCOL field)
    int layers;
    int[] layerOcc = new int[16];
    int[] layerDepth = new int[16];

    /** Tunnel nesting of the layer being decoded: 0 outside any tunnel, 1 inside the first VXLAN, ... */
    int depth;
    int currentLayer = -1;

    // for upper layers that need the enclosing IP header (pseudo-header checksums, ICMP quotes)
    int ipOffset = -1;
    int ipVersion;
    int ipReportedEnd = -1;
    /** Set while decoding the IP header quoted inside an ICMP error, so its payload is not taken for real traffic. */
    boolean inIcmpError;

    // what comes next, as the current decoder found it (gopacket's NextLayerType)
    DissectorTables tables;
    /** What the protocols keep across this dissector's packets (TCP sequence bases, IPv4 fragments). */
    States states;
    LayerDecoder nextDecoder;
    int nextOffset;
    int nextEnd;

    void reset(MemorySegment seg, long base, int capLen, int origLen) {
        this.segment = seg;
        this.base = base;
        this.capturedLength = capLen;
        this.originalLength = origLen;
        if (reassembled != null) { // a reference store per packet only when there was a reassembly
            reassembled = null;
            reassembledLength = 0;
        }
        // only the slots addText() filled hold a string: clearing just those keeps the hot path free of
        // reference stores (each one a GC barrier)
        for (int i = 0; i < textCount; i++) {
            text[textSlots[i]] = null;
        }
        textCount = 0;
        problems = 0;
        count = 0;
        layers = 0;
        depth = 0;
        currentLayer = -1;
        ipOffset = -1;
        ipVersion = 0;
        ipReportedEnd = -1;
        inIcmpError = false;
        nextDecoder = null;
    }

    /** Names the decoder for the bytes that follow the current layer. */
    public void then(LayerDecoder decoder, int off, int end) {
        nextDecoder = decoder;
        nextOffset = off;
        nextEnd = end;
    }

    public DissectorTables tables() {
        return tables;
    }

    /** A protocol's state across this dissector's packets, made on first use. */
    public <T> T state(StateKey<T> key) {
        return states.get(key);
    }

    /** Tunnel nesting of the layer being decoded. */
    public int depth() {
        return depth;
    }

    /** Enters a tunnel's payload: layers added from now on are "inner". */
    public void enterTunnel() {
        depth++;
    }

    public int ipOffset() {
        return ipOffset;
    }

    public int ipVersion() {
        return ipVersion;
    }

    public void setIp(int off, int version) {
        setIp(off, version, -1);
    }

    /**
     * Records the IP header the upper layers belong to, and where its payload ends as its length field says
     * (Wireshark's reported length, which a snaplen cut does not shorten), or -1 when the header does not say.
     */
    public void setIp(int off, int version, int reportedEnd) {
        ipOffset = off;
        ipVersion = version;
        ipReportedEnd = reportedEnd;
    }

    /** Where the IP payload ends by the IP header's length field, or -1 (see {@link #setIp(int, int, int)}). */
    public int ipReportedEnd() {
        return ipReportedEnd;
    }

    public boolean inIcmpError() {
        return inIcmpError;
    }

    public void setInIcmpError(boolean v) {
        inIcmpError = v;
    }

    // ---- building (decoders) ----

    /** Opens a protocol layer and returns its occurrence index. */
    public int beginLayer(FieldDef protocol, int off, int len) {
        int occ = add(protocol, off, len, 0, -1);
        if (layers == layerOcc.length) {
            layerOcc = Arrays.copyOf(layerOcc, layers * 2);
            layerDepth = Arrays.copyOf(layerDepth, layers * 2);
        }
        layerOcc[layers] = occ;
        layerDepth[layers] = depth;
        if (inIcmpError) {
            flags[occ] |= FLAG_QUOTED;
        }
        links[occ] = (links[occ] & HIGH) | layers;
        currentLayer = layers;
        layers++;
        return occ;
    }

    /** Sets the end of a layer once its header length is known. */
    public void setLength(int occ, int len) {
        span[occ] = (span[occ] & HIGH) | Math.clamp(len, 0, Math.max(0, limit() - start(occ)));
    }

    public int add(FieldDef f, int off, int len, long v) {
        return add(f, off, len, v, -1);
    }

    /** Adds a field under another occurrence (a flag bit under its flags word, an option under its list). */
    public int add(FieldDef f, int off, int len, long v, int parentOcc) {
        int i = count;
        if (i == field.length) {
            grow();
        }
        field[i] = f.id();
        value[i] = v;
        links[i] = pack(parentOcc, currentLayer);
        if (off < 0 || len < 0 || off + len > capturedLength) {
            addOutsideFrame(i, off, len);
        } else {
            span[i] = pack(off, len);
            flags[i] = 0;
        }
        count = i + 1;
        return i;
    }

    private void addOutsideFrame(int i, int off, int len) {
        boolean inReassembled = reassembled != null && off >= capturedLength;
        int end = inReassembled ? limit() : capturedLength;
        if (inReassembled && len >= 0 && off + len <= end) {
            span[i] = pack(off, len);
            flags[i] = 0;
            return;
        }
        // a length field that lies (or a header cut by the snaplen): the field shows only the bytes that
        // exist, so nothing downstream (hex pane, bytes()) ever points outside the packet
        int s = Math.clamp(off, 0, end);
        span[i] = pack(s, Math.clamp(len, 0, end - s));
        flags[i] = FLAG_TRUNCATED;
    }

    /** A value computed rather than read (relative sequence numbers, frame time), shown in brackets like Wireshark. */
    public int addGenerated(FieldDef f, long v) {
        int i = add(f, 0, 0, v, -1);
        flags[i] |= FLAG_GENERATED;
        return i;
    }

    public int addText(FieldDef f, int off, int len, String s, int parentOcc) {
        int i = add(f, off, len, 0, parentOcc);
        text[i] = s;
        if (textCount == textSlots.length) {
            textSlots = Arrays.copyOf(textSlots, textCount * 2);
        }
        textSlots[textCount++] = i;
        return i;
    }

    public void omitFromProtocols(int occ) {
        flags[occ] |= FLAG_NOT_LISTED;
    }

    public void flag(int occ, int flag) {
        flags[occ] |= flag;
        problems |= flag;
    }

    /**
     * Ends a packet as Wireshark's exception handling does: a layer cut short adds a last item,
     * "[Malformed Packet]" ({@code _ws.malformed}) or "[Packet size limited during capture]" ({@code _ws.short}),
     * which filters, the tree and the protocol hierarchy see. Costs nothing for a packet without problems.
     */
    void markProblems() {
        if ((problems & (FLAG_MALFORMED | FLAG_TRUNCATED)) == 0) {
            return;
        }
        boolean malformed = false;
        boolean cut = false;
        int expertOnly = -1;
        for (int l = 0; l < layers; l++) {
            int occ = layerOcc[l];
            int f = flags[occ];
            if ((f & FLAG_MALFORMED) != 0) {
                if ((f & FLAG_EXPERT_ONLY) != 0) {
                    expertOnly = occ;
                } else {
                    malformed = true;
                }
            }
            cut |= (f & FLAG_TRUNCATED) != 0;
        }
        int saved = depth;
        if (malformed || cut) {
            // Wireshark's exception adds a top-level item, which the protocol hierarchy counts
            beginLayer(malformed ? Malformed.PROTO : Malformed.SHORT, capturedLength, 0);
        } else if (expertOnly >= 0) {
            // an expert error raised while decoding went on: an item inside that layer, for filters only
            currentLayer = layerOf(expertOnly);
            addText(Malformed.PROTO, start(expertOnly), 0, "[Malformed Packet: " + field(expertOnly).label() + "]",
                    expertOnly);
        }
        depth = saved;
    }

    private static final long HIGH = 0xffffffff00000000L;

    private static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xffffffffL);
    }

    private void grow() {
        int n = field.length * 2;
        field = Arrays.copyOf(field, n);
        value = Arrays.copyOf(value, n);
        span = Arrays.copyOf(span, n);
        links = Arrays.copyOf(links, n);
        flags = Arrays.copyOf(flags, n);
        text = Arrays.copyOf(text, n);
    }

    // ---- reading packet bytes (offsets relative to the packet's first byte) ----

    /**
     * Where the {@code n} bytes at packet offset {@code off} lie: in the frame (the fast path) or, beyond the
     * frame's end, in the reassembled datagram. A range that crosses the boundary exists in neither.
     */
    private long reassembledOffset(int off, int n) {
        int rel = off - capturedLength;
        if (reassembled == null || rel < 0 || n < 0 || rel + n > reassembledLength) {
            throw new IndexOutOfBoundsException(off);
        }
        return rel;
    }

    private boolean inFrame(int off, int n) {
        return off >= 0 && off + n <= capturedLength;
    }

    // each reader is small enough to inline everywhere: the reassembled bytes are read out of line
    public int u8(int off) {
        if (off < 0 || off + 1 > capturedLength) {
            return u8Reassembled(off);
        }
        return Byte.toUnsignedInt(segment.get(ValueLayout.JAVA_BYTE, base + off));
    }

    public int u16(int off) {
        if (off < 0 || off + 2 > capturedLength) {
            return u16Reassembled(off, BE16);
        }
        return Short.toUnsignedInt(segment.get(BE16, base + off));
    }

    public int u16le(int off) {
        if (off < 0 || off + 2 > capturedLength) {
            return u16Reassembled(off, LE16);
        }
        return Short.toUnsignedInt(segment.get(LE16, base + off));
    }

    public long u32(int off) {
        if (off < 0 || off + 4 > capturedLength) {
            return u32Reassembled(off, BE32);
        }
        return Integer.toUnsignedLong(segment.get(BE32, base + off));
    }

    public long u32le(int off) {
        if (off < 0 || off + 4 > capturedLength) {
            return u32Reassembled(off, LE32);
        }
        return Integer.toUnsignedLong(segment.get(LE32, base + off));
    }

    private int u8Reassembled(int off) {
        return Byte.toUnsignedInt(reassembled.get(ValueLayout.JAVA_BYTE, reassembledOffset(off, 1)));
    }

    private int u16Reassembled(int off, ValueLayout.OfShort layout) {
        return Short.toUnsignedInt(reassembled.get(layout, reassembledOffset(off, 2)));
    }

    private long u32Reassembled(int off, ValueLayout.OfInt layout) {
        return Integer.toUnsignedLong(reassembled.get(layout, reassembledOffset(off, 4)));
    }

    public long u48(int off) {
        return ((long) u16(off) << 32) | u32(off + 2);
    }

    public int u24(int off) {
        return (u8(off) << 16) | u16(off + 1);
    }

    /** Internet checksum (RFC 1071) over a range, added to {@code initial}; 0 means the data checks out. */
    public int onesComplementSum(int off, int len, long initial) {
        MemorySegment segment = this.segment;
        long p;
        if (inFrame(off, len)) {
            p = base + off;
        } else {
            segment = reassembled;
            p = reassembledOffset(off, len);
        }
        long sum = initial;
        long end = p + len;
        // eight bytes at a time: the one's-complement sum is the same over 32-bit words folded later (RFC 1071)
        for (; p + 8 <= end; p += 8) {
            long w = segment.get(BE64, p);
            sum += (w >>> 32) + (w & 0xffffffffL);
            if (sum < 0) {
                sum = (sum & 0xffffffffL) + (sum >>> 32);
            }
        }
        for (; p + 2 <= end; p += 2) {
            sum += Short.toUnsignedInt(segment.get(BE16, p));
        }
        if (p < end) {
            sum += Byte.toUnsignedInt(segment.get(ValueLayout.JAVA_BYTE, p)) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    // ---- reading the result ----

    public MemorySegment segment() {
        return segment;
    }

    /** Offset of the packet's first byte within {@link #segment()}. */
    public long base() {
        return base;
    }

    public int capturedLength() {
        return capturedLength;
    }

    public int originalLength() {
        return originalLength;
    }

    public int frameNumber() {
        return frameNumber;
    }

    public long timestampNanos() {
        return timestampNanos;
    }

    public int linkType() {
        return linkType;
    }

    public int interfaceId() {
        return interfaceId;
    }

    public String interfaceName() {
        return interfaceName;
    }

    public int count() {
        return count;
    }

    public int fieldId(int occ) {
        return field[occ];
    }

    public FieldDef field(int occ) {
        return FieldRegistry.byId(field[occ]);
    }

    public int start(int occ) {
        return (int) (span[occ] >> 32);
    }

    public int length(int occ) {
        return (int) span[occ];
    }

    public long value(int occ) {
        return value[occ];
    }

    public int parent(int occ) {
        return (int) (links[occ] >> 32);
    }

    public int flags(int occ) {
        return flags[occ];
    }

    public String text(int occ) {
        return text[occ];
    }

    /** Layer index the occurrence belongs to. */
    public int layerOf(int occ) {
        return (int) links[occ];
    }

    public int layerCount() {
        return layers;
    }

    /** The occurrence of layer {@code l}'s PROTOCOL field. */
    public int layerOccurrence(int l) {
        return layerOcc[l];
    }

    public FieldDef layerProtocol(int l) {
        return FieldRegistry.byId(field[layerOcc[l]]);
    }

    /** Tunnel depth of a layer: 0 for the outer packet, 1 inside the first tunnel. */
    public int layerDepth(int l) {
        return layerDepth[l];
    }

    /** First occurrence of a field, or -1. */
    public int first(FieldDef f) {
        int id = f.id();
        for (int i = 0; i < count; i++) {
            if (field[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** Next occurrence of the same field after {@code occ}, or -1. */
    public int next(FieldDef f, int occ) {
        int id = f.id();
        for (int i = occ + 1; i < count; i++) {
            if (field[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** Last occurrence of a field (the innermost), or -1. */
    public int last(FieldDef f) {
        int id = f.id();
        for (int i = count - 1; i >= 0; i--) {
            if (field[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** The last occurrence of a field before occurrence {@code occ} (the header around a layer), or -1. */
    public int lastBefore(FieldDef f, int occ) {
        int id = f.id();
        for (int i = Math.min(occ, count) - 1; i >= 0; i--) {
            if (field[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** The next occurrence of a field after {@code occ} that lies in the same layer, or -1. */
    public int nextInLayer(FieldDef f, int occ) {
        int o = next(f, occ);
        return o >= 0 && layerOf(o) == layerOf(occ) ? o : -1;
    }

    public boolean has(FieldDef f) {
        return first(f) >= 0;
    }

    /** Value of the first occurrence, or {@code dflt}. */
    public long firstValue(FieldDef f, long dflt) {
        int o = first(f);
        return o < 0 ? dflt : value[o];
    }

    /** Copies the bytes of an occurrence (for display only, never on the fast path). */
    public byte[] bytes(int occ) {
        return copy(start(occ), available(occ));
    }

    /** How many of an occurrence's bytes exist (a field cut by the snaplen has fewer than its length). */
    public int available(int occ) {
        int s = start(occ);
        int end = s >= capturedLength ? limit() : capturedLength;
        return Math.max(0, Math.min(length(occ), end - s));
    }

    /**
     * The {@code len} bytes at packet offset {@code off} as a view (no copy), in the frame or in the reassembled
     * datagram, for code that reads raw memory (a heuristic shared with the correlation's fast path).
     */
    public MemorySegment slice(int off, int len) {
        if (inFrame(off, len)) {
            return segment.asSlice(base + off, len);
        }
        return reassembled.asSlice(reassembledOffset(off, len), len);
    }

    /** Copies {@code len} bytes at packet offset {@code off}, in the frame or in the reassembled datagram. */
    public byte[] copy(int off, int len) {
        if (inFrame(off, len)) {
            return segment.asSlice(base + off, len).toArray(ValueLayout.JAVA_BYTE);
        }
        return reassembled.asSlice(reassembledOffset(off, len), len).toArray(ValueLayout.JAVA_BYTE);
    }

    /** End of the addressable bytes: the frame's captured length plus any reassembled datagram. */
    public int limit() {
        return capturedLength + reassembledLength;
    }

    /** The reassembled IPv4 datagram decoded in this packet (addressed from {@link #capturedLength()}), or null. */
    public byte[] reassembledBytes() {
        return reassembled == null ? null : reassembled.toArray(ValueLayout.JAVA_BYTE);
    }

    /**
     * Makes a reassembled datagram addressable after the frame's bytes and returns the packet offset of its first
     * byte. One per packet: a second (a fragmented datagram inside a reassembled one) returns -1.
     */
    public int attachReassembled(byte[] data) {
        if (reassembled != null) {
            return -1;
        }
        reassembled = MemorySegment.ofArray(data);
        reassembledLength = data.length;
        return capturedLength;
    }

    /** Whether an occurrence belongs to a packet an ICMP error quotes (not real traffic, sets no column). */
    public boolean quoted(int occ) {
        return (flags[layerOcc[(int) links[occ]]] & FLAG_QUOTED) != 0;
    }

    /** The protocol whose field opened layer {@code l}. */
    public Protocol layerOwner(int l) {
        return layerProtocol(l).owner();
    }
}
