package org.tunnellens.dissect;

/** TCP (RFC 9293): flags, the common options, and sequence numbers relative to each direction's first one. */
public final class Tcp implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("tcp", "Transmission Control Protocol");
    public static final FieldDef SRCPORT = FieldRegistry.uint("tcp.srcport", "Source Port");
    public static final FieldDef DSTPORT = FieldRegistry.uint("tcp.dstport", "Destination Port");
    public static final FieldDef STREAM = FieldRegistry.uint("tcp.stream", "Stream index");
    public static final FieldDef LEN = FieldRegistry.uint("tcp.len", "TCP Segment Len");
    public static final FieldDef SEQ = FieldRegistry.uint("tcp.seq", "Sequence Number");
    public static final FieldDef SEQ_RAW = FieldRegistry.uint("tcp.seq_raw", "Sequence Number (raw)");
    public static final FieldDef NXTSEQ = FieldRegistry.uint("tcp.nxtseq", "Next Sequence Number");
    public static final FieldDef ACK = FieldRegistry.uint("tcp.ack", "Acknowledgment Number");
    public static final FieldDef ACK_RAW = FieldRegistry.uint("tcp.ack_raw", "Acknowledgment number (raw)");
    public static final FieldDef HDR_LEN = FieldRegistry.uint("tcp.hdr_len", "Header Length");
    public static final FieldDef FLAGS = FieldRegistry.hex("tcp.flags", "Flags", 16);
    public static final FieldDef FLAGS_RES = FieldRegistry.flag("tcp.flags.res", "Reserved");
    public static final FieldDef FLAGS_NS = FieldRegistry.flag("tcp.flags.ns", "Accurate ECN");
    public static final FieldDef FLAGS_CWR = FieldRegistry.flag("tcp.flags.cwr", "Congestion Window Reduced");
    public static final FieldDef FLAGS_ECE = FieldRegistry.flag("tcp.flags.ece", "ECN-Echo");
    public static final FieldDef FLAGS_URG = FieldRegistry.flag("tcp.flags.urg", "Urgent");
    public static final FieldDef FLAGS_ACK = FieldRegistry.flag("tcp.flags.ack", "Acknowledgment");
    public static final FieldDef FLAGS_PUSH = FieldRegistry.flag("tcp.flags.push", "Push");
    public static final FieldDef FLAGS_RESET = FieldRegistry.flag("tcp.flags.reset", "Reset");
    public static final FieldDef FLAGS_SYN = FieldRegistry.flag("tcp.flags.syn", "Syn");
    public static final FieldDef FLAGS_FIN = FieldRegistry.flag("tcp.flags.fin", "Fin");
    public static final FieldDef WINDOW = FieldRegistry.uint("tcp.window_size_value", "Window");
    public static final FieldDef CHECKSUM = FieldRegistry.hex("tcp.checksum", "Checksum", 16);
    public static final FieldDef CHECKSUM_STATUS = FieldRegistry.uint("tcp.checksum.status", "Checksum Status",
            Checksums::statusName);
    public static final FieldDef URGENT = FieldRegistry.uint("tcp.urgent_pointer", "Urgent Pointer");
    public static final FieldDef OPTIONS = FieldRegistry.bytes("tcp.options", "Options");
    public static final FieldDef MSS = FieldRegistry.uint("tcp.options.mss_val", "MSS Value");
    public static final FieldDef WSCALE = FieldRegistry.uint("tcp.options.wscale.shift", "Shift count");
    public static final FieldDef WSCALE_MULT = FieldRegistry.uint("tcp.options.wscale.multiplier", "Multiplier");
    public static final FieldDef SACK_PERM = FieldRegistry.text("tcp.options.sack_perm", "SACK permitted");
    public static final FieldDef SACK_LE = FieldRegistry.uint("tcp.options.sack_le", "left edge");
    public static final FieldDef SACK_RE = FieldRegistry.uint("tcp.options.sack_re", "right edge");
    public static final FieldDef TSVAL = FieldRegistry.uint("tcp.options.timestamp.tsval", "Timestamp value");
    public static final FieldDef TSECR = FieldRegistry.uint("tcp.options.timestamp.tsecr", "Timestamp echo reply");
    public static final FieldDef PAYLOAD = FieldRegistry.bytes("tcp.payload", "TCP payload");
    static final Tcp INSTANCE = new Tcp();

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
        int payloadLen = Math.max(0, end - off - hl);
        TcpSequences seqs = d.tcpSequences;
        boolean relative = seqs != null && !d.inIcmpError();
        long relSeq = seq;
        long relAck = (flags & 0x10) != 0 ? ack : 0;
        int stream = -1;
        if (relative) {
            stream = seqs.lookup(d, sport, dport, seq, ack, flags);
            relSeq = seqs.relativeSeq;
            relAck = (flags & 0x10) != 0 ? seqs.relativeAck : 0;
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
            if (next == null && Http.looksLikeHttp(d, p, end)) {
                next = Http.INSTANCE;
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
