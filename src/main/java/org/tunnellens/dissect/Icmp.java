package org.tunnellens.dissect;

/** ICMP (RFC 792): echo id/seq, and the IP header an error message quotes, decoded as Wireshark does. */
public final class Icmp implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("icmp", "Internet Control Message Protocol");
    public static final FieldDef TYPE = FieldRegistry.uint("icmp.type", "Type", Icmp::typeName);
    public static final FieldDef CODE = FieldRegistry.uint("icmp.code", "Code");
    public static final FieldDef CHECKSUM = FieldRegistry.hex("icmp.checksum", "Checksum", 16);
    public static final FieldDef CHECKSUM_STATUS = FieldRegistry.uint("icmp.checksum.status", "Checksum Status",
            Checksums::statusName);
    public static final FieldDef IDENT = FieldRegistry.uint("icmp.ident", "Identifier (BE)");
    public static final FieldDef SEQ = FieldRegistry.uint("icmp.seq", "Sequence Number (BE)");
    public static final FieldDef SEQ_LE = FieldRegistry.uint("icmp.seq_le", "Sequence Number (LE)");
    public static final FieldDef REDIR_GW = FieldRegistry.ipv4("icmp.redir_gw", "Gateway Address");
    public static final FieldDef MTU = FieldRegistry.uint("icmp.mtu", "MTU of next hop");
    /** Set by the index pass: frame number of the matching reply / request. */
    public static final FieldDef RESP_IN = FieldRegistry.uint("icmp.resp_in", "Response frame");
    public static final FieldDef RESP_TO = FieldRegistry.uint("icmp.resp_to", "Request frame");
    public static final FieldDef RESPTIME = FieldRegistry.relativeTime("icmp.resptime", "Response time");
    public static final FieldDef DATA_TIME = FieldRegistry.absoluteTime("icmp.data_time", "Timestamp from icmp data");
    public static final FieldDef DATA_TIME_RELATIVE = FieldRegistry.relativeTime("icmp.data_time_relative",
            "Timestamp from icmp data (relative)");
    private static final long DAY_SECONDS = 86_400;
    static final Icmp INSTANCE = new Icmp();

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 4) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int occ = d.beginLayer(PROTO, off, end - off);
        int type = d.u8(off);
        d.add(TYPE, off, 1, type);
        d.add(CODE, off + 1, 1, d.u8(off + 1));
        int cs = d.add(CHECKSUM, off + 2, 2, d.u16(off + 2));
        boolean complete = !d.inIcmpError() && d.capturedLength() >= d.originalLength();
        if (complete) {
            Checksums.verify(d, off, end - off, 0, CHECKSUM_STATUS, cs);
        }
        if (end - off < 8) {
            return;
        }
        switch (type) {
            case 0, 8, 13, 14, 15, 16, 17, 18 -> {
                d.add(IDENT, off + 4, 2, d.u16(off + 4));
                d.add(SEQ, off + 6, 2, d.u16(off + 6));
                d.add(SEQ_LE, off + 6, 2, Short.toUnsignedInt(Short.reverseBytes((short) d.u16(off + 6))));
                if (type == 0 || type == 8) {
                    d.then(Data.INSTANCE, off + 8 + dataTimestamp(d, off + 8, end), end);
                }
            }
            case 3, 4, 5, 11, 12 -> {
                if (type == 5) {
                    d.add(REDIR_GW, off + 4, 4, d.u32(off + 4));
                } else if (type == 3 && d.u8(off + 1) == 4) {
                    d.add(MTU, off + 6, 2, d.u16(off + 6));
                }
                if (end - off > 8 && !d.inIcmpError()) {
                    d.setLength(occ, end - off);
                    d.setInIcmpError(true);
                    d.then(Ipv4.INSTANCE, off + 8, end);
                }
            }
            default -> {
            }
        }
    }

    /**
     * ping puts the time it sent the request in the first 8 bytes of the data (a struct timeval). Wireshark shows
     * them as a timestamp when they read as one within a day of the frame's time, big-endian first, then
     * little-endian (Linux x86: the low half of a 64-bit tv_sec, then its zero high half as the microseconds), and
     * the data starts after them. Returns how many bytes the timestamp took: 8 or 0.
     */
    private static int dataTimestamp(Dissection d, int data, int end) {
        if (end - data < 8) {
            return 0;
        }
        long frameSecs = Math.floorDiv(d.timestampNanos(), 1_000_000_000L);
        long secs = d.u32(data);
        long usecs = d.u32(data + 4);
        if (!withinADay(secs, usecs, frameSecs)) {
            secs = d.u32le(data);
            usecs = d.u32le(data + 4);
            if (!withinADay(secs, usecs, frameSecs)) {
                return 0;
            }
        }
        long nanos = secs * 1_000_000_000L + usecs * 1000;
        d.add(DATA_TIME, data, 8, nanos);
        d.flag(d.add(DATA_TIME_RELATIVE, data, 8, d.timestampNanos() - nanos), Dissection.FLAG_GENERATED);
        return 8;
    }

    private static boolean withinADay(long secs, long usecs, long frameSecs) {
        return Math.abs((int) (secs - frameSecs)) < DAY_SECONDS && usecs < 1_000_000;
    }

    static String typeName(long t) {
        return switch ((int) t) {
            case 0 -> "Echo (ping) reply";
            case 3 -> "Destination unreachable";
            case 4 -> "Source quench (flow control)";
            case 5 -> "Redirect";
            case 8 -> "Echo (ping) request";
            case 9 -> "Router advertisement";
            case 10 -> "Router solicitation";
            case 11 -> "Time-to-live exceeded";
            case 12 -> "Parameter problem";
            case 13 -> "Timestamp request";
            case 14 -> "Timestamp reply";
            case 17 -> "Address mask request";
            case 18 -> "Address mask reply";
            default -> null;
        };
    }
}
