package org.tunnellens.dissect.proto;

import java.util.HashMap;
import java.util.Map;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.PassContext;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.StateKey;
import org.tunnellens.dissect.TcpdumpPrinter;
import org.tunnellens.dissect.column.FieldFormatter;

/** ICMP (RFC 792): echo id/seq, and the IP header an error message quotes, decoded as Wireshark does. */
public final class Icmp extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("icmp", "Internet Control Message Protocol");
    public static final FieldDef TYPE = F.uint("icmp.type", "Type", Icmp::typeName);
    public static final FieldDef CODE = F.uint("icmp.code", "Code");
    public static final FieldDef CHECKSUM = F.hex("icmp.checksum", "Checksum", 16);
    public static final FieldDef CHECKSUM_STATUS = F.uint("icmp.checksum.status", "Checksum Status",
            Checksums::statusName);
    public static final FieldDef IDENT = F.uint("icmp.ident", "Identifier (BE)");
    public static final FieldDef SEQ = F.uint("icmp.seq", "Sequence Number (BE)");
    public static final FieldDef SEQ_LE = F.uint("icmp.seq_le", "Sequence Number (LE)");
    public static final FieldDef REDIR_GW = F.ipv4("icmp.redir_gw", "Gateway Address");
    public static final FieldDef MTU = F.uint("icmp.mtu", "MTU of next hop");
    /** Set by the index pass: frame number of the matching reply / request. */
    public static final FieldDef RESP_IN = F.uint("icmp.resp_in", "Response frame");
    public static final FieldDef RESP_TO = F.uint("icmp.resp_to", "Request frame");
    public static final FieldDef RESPTIME = F.relativeTime("icmp.resptime", "Response time");
    public static final FieldDef DATA_TIME = F.absoluteTime("icmp.data_time", "Timestamp from icmp data");
    public static final FieldDef DATA_TIME_RELATIVE = F.relativeTime("icmp.data_time_relative",
            "Timestamp from icmp data (relative)");
    private static final long DAY_SECONDS = 86_400;
    public static final Icmp INSTANCE = new Icmp();

    private Icmp() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ipProtocol(1, this);
    }

    @Override
    public boolean appendInfo(Dissection d, int occ, PassResults pass, StringBuilder sb) {
        int type = (int) d.value(d.next(TYPE, occ));
        int code = (int) d.value(d.next(CODE, occ));
        String name = typeName(type);
        // Wireshark 4.0 names every router advertisement with code 0 or 16 this way
        if (type == 9 && (code == 0 || code == 16)) {
            name = "Mobile IP Advertisement";
        }
        // Wireshark pads the type name to 20 characters, then adds the code text or the id/seq
        int start = sb.length();
        sb.append(name != null ? name : "Unknown ICMP (obsolete or malformed?)");
        for (int i = sb.length() - start; i < 20; i++) {
            sb.append(' ');
        }
        String codeText = codeText(type, code);
        if (codeText != null) {
            sb.append(" (").append(codeText).append(')');
        }
        int id = d.nextInLayer(IDENT, occ);
        if (id < 0) {
            return true;
        }
        sb.append(" id=");
        FieldFormatter.appendHex(sb, d.value(id), 4);
        sb.append(", seq=").append(d.value(d.next(SEQ, occ))).append('/').append(d.value(d.next(SEQ_LE, occ)));
        int ipTtl = d.lastBefore(Ipv4.TTL, occ);
        if (ipTtl >= 0) {
            sb.append(", ttl=").append(d.value(ipTtl));
        }
        if (type != 0 && type != 8) {
            return true;
        }
        int i = d.frameNumber() - 1;
        int partner = pass.partnerOf(i);
        if (partner > 0) {
            sb.append(type == 8 ? " (reply in " : " (request in ").append(partner).append(')');
        } else if (type == 8 && pass.covers(i)) {
            int dst = d.lastBefore(Ipv4.DST, occ);
            long a = dst < 0 ? 0 : d.value(dst);
            // a request to a broadcast or multicast address expects no single reply
            boolean broadcast = (a & 0xff) == 0xff || (a >>> 28) == 0xe;
            sb.append(broadcast ? " (broadcast)" : " (no response found!)");
        }
        return true;
    }

    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        StringBuilder sb = t.out();
        sb.append(t.source()).append(" > ").append(t.destination()).append(": ICMP ");
        int type = (int) d.value(d.next(TYPE, occ));
        int id = d.next(IDENT, occ);
        if ((type == 0 || type == 8) && id >= 0) {
            sb.append(type == 8 ? "echo request" : "echo reply").append(", id ").append(d.value(id))
                    .append(", seq ").append(d.value(d.next(SEQ, occ)));
        } else {
            sb.append("type ").append(type);
        }
        sb.append(", length ").append(d.length(occ));
        return true;
    }

    @Override
    public boolean hasFirstPass() {
        return true;
    }

    /** Echo requests not yet answered, by what a reply shares with its request. */
    private static final StateKey<Map<EchoKey, Integer>> OPEN_ECHOS = StateKey.of("ICMP open echo requests",
            HashMap::new);

    private record EchoKey(long addrLow, long addrHigh, long idSeq, int requestChecksum) {
    }

    /** Pairs echo requests and replies as Wireshark does: same addresses, id, sequence and data (by checksum). */
    @Override
    public void firstPass(Dissection d, int occ, PassContext pass) {
        int t = d.next(TYPE, occ);
        int id = d.next(IDENT, occ);
        int seq = d.next(SEQ, occ);
        int cs = d.next(CHECKSUM, occ);
        if (t < 0 || id < 0 || seq < 0 || cs < 0) {
            return;
        }
        int type = (int) d.value(t);
        if (type != 0 && type != 8) {
            return;
        }
        int src = d.lastBefore(Ipv4.SRC, occ);
        int dst = d.lastBefore(Ipv4.DST, occ);
        long a = src < 0 ? 0 : d.value(src);
        long b = dst < 0 ? 0 : d.value(dst);
        int checksum = (int) d.value(cs);
        // a reply's checksum differs from its request's by exactly the type change (8 -> 0), as Wireshark keys it
        int requestChecksum = type == 8 ? checksum : adjustForRequest(checksum);
        EchoKey key = new EchoKey(Math.min(a, b), Math.max(a, b), (d.value(id) << 16) | d.value(seq),
                requestChecksum);
        Map<EchoKey, Integer> open = pass.state(OPEN_ECHOS);
        if (type == 8) {
            open.putIfAbsent(key, pass.packet());
        } else {
            Integer req = open.get(key);
            if (req != null) {
                pass.pair(req, pass.packet());
            }
        }
    }

    /** The reply's checksum with the type byte set back from 0 to 8 (RFC 1624 incremental update). */
    static int adjustForRequest(int replyChecksum) {
        int sum = (~replyChecksum & 0xffff) + 0x0800;
        sum = (sum & 0xffff) + (sum >>> 16);
        return ~sum & 0xffff;
    }

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
    static String codeText(int type, int code) {
        return switch (type) {
            case 3 -> switch (code) {
                case 0 -> "Network unreachable";
                case 1 -> "Host unreachable";
                case 2 -> "Protocol unreachable";
                case 3 -> "Port unreachable";
                case 4 -> "Fragmentation needed";
                case 5 -> "Source route failed";
                case 6 -> "Destination network unknown";
                case 7 -> "Destination host unknown";
                case 8 -> "Source host isolated";
                case 9 -> "Network administratively prohibited";
                case 10 -> "Host administratively prohibited";
                case 11 -> "Network unreachable for TOS";
                case 12 -> "Host unreachable for TOS";
                case 13 -> "Communication administratively filtered";
                case 14 -> "Host precedence violation";
                case 15 -> "Precedence cutoff in effect";
                default -> null;
            };
            case 5 -> switch (code) {
                case 0 -> "Redirect for network";
                case 1 -> "Redirect for host";
                case 2 -> "Redirect for TOS and network";
                case 3 -> "Redirect for TOS and host";
                default -> null;
            };
            case 9 -> switch (code) {
                case 0 -> "Normal router advertisement";
                case 16 -> "Does not route common traffic";
                default -> null;
            };
            case 11 -> switch (code) {
                case 0 -> "Time to live exceeded in transit";
                case 1 -> "Fragment reassembly time exceeded";
                default -> null;
            };
            case 12 -> switch (code) {
                case 0 -> "Pointer indicates the error";
                case 1 -> "Required option missing";
                case 2 -> "Bad length";
                default -> null;
            };
            default -> null;
        };
    }
}
