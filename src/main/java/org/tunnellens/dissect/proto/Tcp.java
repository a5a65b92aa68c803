package org.tunnellens.dissect.proto;

import java.util.HashMap;
import java.util.Map;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.DissectorTables;
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
import org.tunnellens.dissect.firstpass.TcpAnalysis;
import org.tunnellens.dissect.firstpass.TcpSequences;

/** TCP (RFC 9293): flags, the common options, and sequence numbers relative to each direction's first one. */
public final class Tcp extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("tcp", "Transmission Control Protocol");
    public static final FieldDef SRCPORT = F.uint("tcp.srcport", "Source Port");
    public static final FieldDef DSTPORT = F.uint("tcp.dstport", "Destination Port");
    public static final FieldDef STREAM = F.uint("tcp.stream", "Stream index");
    public static final FieldDef LEN = F.uint("tcp.len", "TCP Segment Len");
    public static final FieldDef SEQ = F.uint("tcp.seq", "Sequence Number");
    public static final FieldDef SEQ_RAW = F.uint("tcp.seq_raw", "Sequence Number (raw)");
    public static final FieldDef NXTSEQ = F.uint("tcp.nxtseq", "Next Sequence Number");
    public static final FieldDef ACK = F.uint("tcp.ack", "Acknowledgment Number");
    public static final FieldDef ACK_RAW = F.uint("tcp.ack_raw", "Acknowledgment number (raw)");
    public static final FieldDef HDR_LEN = F.uint("tcp.hdr_len", "Header Length");
    public static final FieldDef FLAGS = F.hex("tcp.flags", "Flags", 16);
    public static final FieldDef FLAGS_RES = F.flag("tcp.flags.res", "Reserved");
    public static final FieldDef FLAGS_NS = F.flag("tcp.flags.ns", "Accurate ECN");
    public static final FieldDef FLAGS_CWR = F.flag("tcp.flags.cwr", "Congestion Window Reduced");
    public static final FieldDef FLAGS_ECE = F.flag("tcp.flags.ece", "ECN-Echo");
    public static final FieldDef FLAGS_URG = F.flag("tcp.flags.urg", "Urgent");
    public static final FieldDef FLAGS_ACK = F.flag("tcp.flags.ack", "Acknowledgment");
    public static final FieldDef FLAGS_PUSH = F.flag("tcp.flags.push", "Push");
    public static final FieldDef FLAGS_RESET = F.flag("tcp.flags.reset", "Reset");
    public static final FieldDef FLAGS_SYN = F.flag("tcp.flags.syn", "Syn");
    public static final FieldDef FLAGS_FIN = F.flag("tcp.flags.fin", "Fin");
    public static final FieldDef WINDOW = F.uint("tcp.window_size_value", "Window");
    public static final FieldDef CHECKSUM = F.hex("tcp.checksum", "Checksum", 16);
    public static final FieldDef CHECKSUM_STATUS = F.uint("tcp.checksum.status", "Checksum Status",
            Checksums::statusName);
    public static final FieldDef URGENT = F.uint("tcp.urgent_pointer", "Urgent Pointer");
    public static final FieldDef OPTIONS = F.bytes("tcp.options", "Options");
    public static final FieldDef MSS = F.uint("tcp.options.mss_val", "MSS Value");
    public static final FieldDef WSCALE = F.uint("tcp.options.wscale.shift", "Shift count");
    public static final FieldDef WSCALE_MULT = F.uint("tcp.options.wscale.multiplier", "Multiplier");
    public static final FieldDef SACK_PERM = F.text("tcp.options.sack_perm", "SACK permitted");
    public static final FieldDef SACK_LE = F.uint("tcp.options.sack_le", "left edge");
    public static final FieldDef SACK_RE = F.uint("tcp.options.sack_re", "right edge");
    public static final FieldDef TSVAL = F.uint("tcp.options.timestamp.tsval", "Timestamp value");
    public static final FieldDef TSECR = F.uint("tcp.options.timestamp.tsecr", "Timestamp echo reply");
    public static final FieldDef PAYLOAD = F.bytes("tcp.payload", "TCP payload");
    public static final Tcp INSTANCE = new Tcp();

    static {
        F.alias("tcp.port", SRCPORT, DSTPORT);
    }

    private Tcp() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ipProtocol(6, this);
    }

    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
    /** Wireshark lists SYN before FIN. */
    private static final int[] FLAG_ORDER = {1, 0, 2, 3, 4, 5, 6, 7};

    @Override
    public boolean appendInfo(Dissection d, int occ, PassResults pass, StringBuilder sb) {
        int packet = d.frameNumber() - 1;
        TcpAnalysis analysis = pass.get(TcpAnalysis.KEY);
        if (analysis != null) {
            sb.append(analysis.label(packet));
        }
        sb.append(d.value(d.next(SRCPORT, occ))).append(" \u2192 ").append(d.value(d.next(DSTPORT, occ)));
        int f = d.next(FLAGS, occ);
        if (f < 0) {
            return true;
        }
        long flags = d.value(f);
        sb.append(" [");
        boolean first = true;
        for (int i : FLAG_ORDER) {
            if ((flags & (1L << i)) != 0) {
                if (!first) {
                    sb.append(", ");
                }
                sb.append(FLAG_NAMES[i]);
                first = false;
            }
        }
        if (first) {
            sb.append("<None>");
        }
        sb.append("] Seq=").append(d.value(d.next(SEQ, occ)));
        if ((flags & 0x10) != 0) {
            sb.append(" Ack=").append(d.value(d.next(ACK, occ)));
        }
        long win = d.value(d.next(WINDOW, occ));
        int shift = analysis == null ? -1 : analysis.windowShift(packet);
        sb.append(" Win=").append(shift > 0 ? win << shift : win);
        sb.append(" Len=").append(d.value(d.next(LEN, occ)));
        if ((flags & 0x20) != 0) {
            sb.append(" Urg=").append(d.value(d.next(URGENT, occ)));
        }
        // options in the order the sender wrote them
        int layer = d.layerOf(occ);
        int mss = MSS.id();
        int sackPerm = SACK_PERM.id();
        int tsval = TSVAL.id();
        int ws = WSCALE_MULT.id();
        for (int i = occ + 1; i < d.count() && d.layerOf(i) == layer; i++) {
            int o = d.fieldId(i);
            if (o == mss) {
                sb.append(" MSS=").append(d.value(i));
            } else if (o == sackPerm) {
                sb.append(" SACK_PERM");
            } else if (o == tsval) {
                sb.append(" TSval=").append(d.value(i));
                int ecr = d.next(TSECR, i);
                if (ecr >= 0) {
                    sb.append(" TSecr=").append(d.value(ecr));
                }
            } else if (o == ws) {
                sb.append(" WS=").append(d.value(i));
            }
        }
        return true;
    }

    @Override
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        sb.append(PROTO.label());
        int s = d.nextInLayer(SRCPORT, occ);
        int t = d.nextInLayer(DSTPORT, occ);
        if (s < 0 || t < 0) {
            return;
        }
        sb.append(", Src Port: ").append(d.value(s)).append(", Dst Port: ").append(d.value(t));
        int seq = d.nextInLayer(SEQ, occ);
        int ack = d.nextInLayer(ACK, occ);
        int len = d.nextInLayer(LEN, occ);
        int flags = d.nextInLayer(FLAGS, occ);
        if (seq >= 0) {
            sb.append(", Seq: ").append(d.value(seq));
        }
        if (ack >= 0 && flags >= 0 && (d.value(flags) & 0x10) != 0) {
            sb.append(", Ack: ").append(d.value(ack));
        }
        if (len >= 0) {
            sb.append(", Len: ").append(d.value(len));
        }
    }

    /** tcpdump's flag letters, in its table's order. */
    private static final int[] TCPDUMP_FLAG_BITS = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80};
    private static final String TCPDUMP_FLAG_LETTERS = "FSRP.UEW";

    /**
     * tcpdump's print of a conversation's sequence bases: the first packet with ACK set is printed absolute and
     * sets them; later ones are relative to them; a SYN sets them again (print-tcp.c's tcp_seq_hash).
     */
    private static final StateKey<Map<TcpdumpKey, long[]>> TCPDUMP_BASES = StateKey.of("tcpdump sequence bases",
            HashMap::new);

    private record TcpdumpKey(String lowAddr, int lowPort, String highAddr, int highPort) {
    }

    /** tcpdump's tcp_print: flags in its letters, relative numbers as it counts them, options, payload printers. */
    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        StringBuilder sb = t.out();
        int sport = (int) d.value(d.next(SRCPORT, occ));
        int dport = (int) d.value(d.next(DSTPORT, occ));
        sb.append(t.source()).append('.').append(sport).append(" > ").append(t.destination()).append('.').append(dport)
                .append(": ");
        int flagsOcc = d.nextInLayer(FLAGS, occ);
        if (flagsOcc < 0) {
            sb.append("tcp"); // an ICMP quote: ports only
            return true;
        }
        int flags = (int) d.value(flagsOcc);
        sb.append("Flags [");
        int before = sb.length();
        for (int i = 0; i < TCPDUMP_FLAG_BITS.length; i++) {
            if ((flags & TCPDUMP_FLAG_BITS[i]) != 0) {
                sb.append(TCPDUMP_FLAG_LETTERS.charAt(i));
            }
        }
        if (sb.length() == before) {
            sb.append("none");
        }
        sb.append(']');
        long seq = d.value(d.next(SEQ_RAW, occ));
        long ack = d.value(d.next(ACK_RAW, occ));
        long len = d.value(d.next(LEN, occ));
        if ((flags & 0x10) != 0) {
            boolean forward = t.source().compareTo(t.destination()) < 0
                    || (t.source().equals(t.destination()) && sport <= dport);
            TcpdumpKey key = forward ? new TcpdumpKey(t.source(), sport, t.destination(), dport)
                    : new TcpdumpKey(t.destination(), dport, t.source(), sport);
            Map<TcpdumpKey, long[]> bases = t.state(TCPDUMP_BASES);
            long[] b = bases.get(key);
            int mine = forward ? 0 : 1;
            if (b == null || (flags & 0x02) != 0) {
                b = new long[2];
                b[mine] = seq;
                b[1 - mine] = (ack - 1) & 0xffffffffL;
                bases.put(key, b);
            } else {
                seq = (seq - b[mine]) & 0xffffffffL;
                ack = (ack - b[1 - mine]) & 0xffffffffL;
            }
        }
        if (len > 0 || (flags & 0x07) != 0) {
            sb.append(", seq ").append(seq);
            if (len > 0) {
                sb.append(':').append((seq + len) & 0xffffffffL);
            }
        }
        if ((flags & 0x10) != 0) {
            sb.append(", ack ").append(ack);
        }
        sb.append(", win ").append(d.value(d.next(WINDOW, occ)));
        if ((flags & 0x20) != 0) {
            sb.append(", urg ").append(d.value(d.next(URGENT, occ)));
        }
        int opts = d.nextInLayer(OPTIONS, occ);
        if (opts >= 0) {
            appendTcpdumpOptions(d, d.start(opts), d.start(opts) + d.length(opts), sb);
        }
        sb.append(", length ").append(len);
        int next = t.nextShown(layer + 1);
        if (len > 0 && next < d.layerCount()) {
            d.layerOwner(next).appendTcpdump(d, next, t);
        }
        return true;
    }

    private static void appendTcpdumpOptions(Dissection d, int p, int end, StringBuilder sb) {
        sb.append(", options [");
        boolean first = true;
        while (p < end) {
            int kind = d.u8(p);
            int len = kind <= 1 ? 1 : p + 1 < end ? d.u8(p + 1) : 0;
            if (!first) {
                sb.append(',');
            }
            first = false;
            if (kind > 1 && (len < 2 || p + len > end)) {
                sb.append("bad opt");
                break;
            }
            switch (kind) {
                case 0 -> sb.append("eol");
                case 1 -> sb.append("nop");
                case 2 -> sb.append("mss ").append(len == 4 ? d.u16(p + 2) : 0);
                case 3 -> sb.append("wscale ").append(len == 3 ? d.u8(p + 2) : 0);
                case 4 -> sb.append("sackOK");
                case 5 -> {
                    sb.append("sack ").append((len - 2) / 8).append(' ');
                    for (int q = p + 2; q + 8 <= p + len; q += 8) {
                        sb.append('{').append(d.u32(q)).append(':').append(d.u32(q + 4)).append('}');
                    }
                }
                case 8 -> sb.append("TS val ").append(len == 10 ? d.u32(p + 2) : 0).append(" ecr ")
                        .append(len == 10 ? d.u32(p + 6) : 0);
                default -> sb.append("unknown-").append(kind);
            }
            if (kind == 0) {
                break;
            }
            p += len;
        }
        sb.append(']');
    }

    @Override
    public boolean hasFirstPass() {
        return true;
    }

    /** Window scales and retransmissions, learnt in file order for the Info column. */
    @Override
    public void firstPass(Dissection d, int occ, PassContext pass) {
        int streamOcc = d.next(STREAM, occ);
        int flagsOcc = d.next(FLAGS, occ);
        int seqOcc = d.next(SEQ_RAW, occ);
        int lenOcc = d.next(LEN, occ);
        if (streamOcc < 0 || flagsOcc < 0 || seqOcc < 0 || lenOcc < 0) {
            return;
        }
        int flags = (int) d.value(flagsOcc);
        int ackOcc = d.next(ACK_RAW, occ);
        int ws = d.nextInLayer(WSCALE, occ);
        long[] addr = addressKeys(d, occ);
        pass.state(TcpAnalysis.KEY).observe(pass.packet(), d.value(streamOcc), addr[0], addr[1],
                (int) d.value(d.next(SRCPORT, occ)), (int) d.value(d.next(DSTPORT, occ)), flags, d.value(seqOcc),
                d.value(lenOcc), (flags & 0x10) != 0 && ackOcc >= 0 ? d.value(ackOcc) : -1,
                ws >= 0 ? (int) d.value(ws) : -1);
    }

    /** Source and destination of the innermost IP header before {@code occ} (IPv6 as a 64-bit hash). */
    private static long[] addressKeys(Dissection d, int tcpOcc) {
        long src = 0;
        long dst = 0;
        int v4src = Ipv4.SRC.id();
        int v4dst = Ipv4.DST.id();
        int v6src = Ipv6.SRC.id();
        int v6dst = Ipv6.DST.id();
        for (int i = 0; i < tcpOcc; i++) {
            int f = d.fieldId(i);
            if (f == v4src) {
                src = d.value(i);
            } else if (f == v4dst) {
                dst = d.value(i);
            } else if (f == v6src || f == v6dst) {
                long h = 0;
                for (int k = 0; k < 16; k += 4) {
                    h = h * 0x9E3779B97F4A7C15L + d.u32(d.start(i) + k);
                }
                if (f == v6src) {
                    src = h;
                } else {
                    dst = h;
                }
            }
        }
        return new long[] {src, dst};
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < (d.inIcmpError() ? 4 : 20)) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int occ = d.beginLayer(PROTO, off, Math.min(20, end - off));
        int sport = d.u16(off);
        int dport = d.u16(off + 2);
        d.add(SRCPORT, off, 2, sport);
        d.add(DSTPORT, off + 2, 2, dport);
        if (end - off < 20) {
            return; // ICMP errors quote only 8 bytes of TCP
        }
        long seq = d.u32(off + 4);
        long ack = d.u32(off + 8);
        int hl = (d.u8(off + 12) >>> 4) * 4;
        int flags = d.u16(off + 12) & 0x0fff;
        // tcp.len is what the IP header says the segment carries, even when the capture kept less (a snaplen)
        int reported = d.ipReportedEnd();
        int payloadLen = Math.max(0, (reported > off && !d.inIcmpError() ? reported : end) - off - hl);
        boolean relative = !d.inIcmpError();
        TcpSequences seqs = relative ? d.state(TcpSequences.KEY) : null;
        long relSeq = seq;
        long relAck = (flags & 0x10) != 0 ? ack : 0;
        int stream = -1;
        if (relative) {
            stream = seqs.lookup(d, sport, dport, seq, ack, flags);
            relSeq = seqs.relativeSeq();
            relAck = (flags & 0x10) != 0 ? seqs.relativeAck() : 0;
            d.addGenerated(STREAM, stream);
        }
        d.addGenerated(LEN, payloadLen);
        d.add(SEQ, off + 4, 4, relSeq);
        d.add(SEQ_RAW, off + 4, 4, seq);
        if (payloadLen > 0 || (flags & 0x03) != 0) {
            d.addGenerated(NXTSEQ, relSeq + payloadLen + ((flags & 0x03) != 0 ? 1 : 0));
        }
        d.add(ACK, off + 8, 4, relAck);
        d.add(ACK_RAW, off + 8, 4, ack);
        d.add(HDR_LEN, off + 12, 1, hl);
        int f = d.add(FLAGS, off + 12, 2, flags);
        d.add(FLAGS_RES, off + 12, 1, (flags >>> 9) & 7, f);
        d.add(FLAGS_NS, off + 12, 1, (flags >>> 8) & 1, f);
        d.add(FLAGS_CWR, off + 13, 1, (flags >>> 7) & 1, f);
        d.add(FLAGS_ECE, off + 13, 1, (flags >>> 6) & 1, f);
        d.add(FLAGS_URG, off + 13, 1, (flags >>> 5) & 1, f);
        d.add(FLAGS_ACK, off + 13, 1, (flags >>> 4) & 1, f);
        d.add(FLAGS_PUSH, off + 13, 1, (flags >>> 3) & 1, f);
        d.add(FLAGS_RESET, off + 13, 1, (flags >>> 2) & 1, f);
        d.add(FLAGS_SYN, off + 13, 1, (flags >>> 1) & 1, f);
        d.add(FLAGS_FIN, off + 13, 1, flags & 1, f);
        d.add(WINDOW, off + 14, 2, d.u16(off + 14));
        int cs = d.add(CHECKSUM, off + 16, 2, d.u16(off + 16));
        d.add(URGENT, off + 18, 2, d.u16(off + 18));
        if (hl < 20 || off + hl > end) {
            d.flag(occ, hl < 20 ? Dissection.FLAG_MALFORMED
                    : Malformed.cutFlag(d, end));
            return;
        }
        d.setLength(occ, hl);
        if (!d.tables().verifyTransportChecksums()) {
            d.addGenerated(CHECKSUM_STATUS, Checksums.UNVERIFIED);
        } else if (d.ipOffset() >= 0 && d.capturedLength() >= d.originalLength() && !d.inIcmpError()) {
            long pseudo = Checksums.pseudoHeader(d, 6, end - off);
            Checksums.verify(d, off, end - off, pseudo, CHECKSUM_STATUS, cs);
        }
        if (hl > 20) {
            options(d, off + 20, off + hl);
        }
        if (payloadLen > 0 && !d.inIcmpError()) {
            int p = off + hl;
            DissectorTables t = d.tables();
            int low = Math.min(sport, dport);
            LayerDecoder next = t.tcp(low);
            if (next == null) {
                next = t.tcp(Math.max(sport, dport));
            }
            if (next == null) {
                next = t.tcpHeuristic(d, p, end);
            }
            d.add(PAYLOAD, p, payloadLen, 0);
            d.then(next != null ? next : Data.INSTANCE, p, end);
        }
    }

    private static void options(Dissection d, int p, int end) {
        int list = d.add(OPTIONS, p, end - p, 0);
        for (int guard = 0; p < end && guard < 40; guard++) {
            int kind = d.u8(p);
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                p++;
                continue;
            }
            if (p + 1 >= end) {
                break;
            }
            int len = d.u8(p + 1);
            if (len < 2 || p + len > end) {
                break;
            }
            switch (kind) {
                case 2 -> {
                    if (len == 4) {
                        d.add(MSS, p + 2, 2, d.u16(p + 2), list);
                    }
                }
                case 3 -> {
                    if (len == 3) {
                        int shift = d.u8(p + 2);
                        d.add(WSCALE, p + 2, 1, shift, list);
                        d.addGenerated(WSCALE_MULT, 1L << Math.min(shift, 14));
                    }
                }
                case 4 -> d.add(SACK_PERM, p, len, 0, list);
                case 5 -> {
                    for (int q = p + 2; q + 8 <= p + len; q += 8) {
                        d.add(SACK_LE, q, 4, d.u32(q), list);
                        d.add(SACK_RE, q + 4, 4, d.u32(q + 4), list);
                    }
                }
                case 8 -> {
                    if (len == 10) {
                        d.add(TSVAL, p + 2, 4, d.u32(p + 2), list);
                        d.add(TSECR, p + 6, 4, d.u32(p + 6), list);
                    }
                }
                default -> {
                }
            }
            p += len;
        }
    }
}
