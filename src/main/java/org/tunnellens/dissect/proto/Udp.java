package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.DissectorTables;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.TcpdumpPrinter;

/** UDP (RFC 768). Payload goes to the lower port's decoder first, then the higher, then the VXLAN heuristic. */
public final class Udp extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("udp", "User Datagram Protocol");
    public static final FieldDef SRCPORT = F.uint("udp.srcport", "Source Port");
    public static final FieldDef DSTPORT = F.uint("udp.dstport", "Destination Port");
    public static final FieldDef LENGTH = F.uint("udp.length", "Length");
    public static final FieldDef CHECKSUM = F.hex("udp.checksum", "Checksum", 16);
    public static final FieldDef CHECKSUM_STATUS = F.uint("udp.checksum.status", "Checksum Status",
            Checksums::statusName);
    public static final FieldDef PAYLOAD_LEN = F.uint("udp.payload_len", "UDP payload length");
    public static final Udp INSTANCE = new Udp();

    static {
        F.alias("udp.port", SRCPORT, DSTPORT);
    }

    private Udp() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ipProtocol(17, this);
    }

    @Override
    public boolean appendInfo(Dissection d, int occ, PassResults pass, StringBuilder sb) {
        int s = d.next(SRCPORT, occ);
        int t = d.next(DSTPORT, occ);
        int len = d.next(LENGTH, occ);
        if (s < 0 || t < 0 || len < 0) {
            return true;
        }
        sb.append(d.value(s)).append(" \u2192 ").append(d.value(t));
        long ulen = d.value(len);
        if (ulen < 8) {
            sb.append(" [BAD UDP LENGTH ").append(ulen).append(" < 8]");
        } else {
            sb.append(" Len=").append(ulen - 8);
        }
        return true;
    }

    @Override
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        sb.append(PROTO.label());
        int s = d.nextInLayer(SRCPORT, occ);
        int t = d.nextInLayer(DSTPORT, occ);
        if (s >= 0 && t >= 0) {
            sb.append(", Src Port: ").append(d.value(s)).append(", Dst Port: ").append(d.value(t));
        }
    }

    /** tcpdump's udp_print: the addresses with ports, then what the payload's printer says, or its length. */
    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        StringBuilder sb = t.out();
        sb.append(t.source()).append('.').append(d.value(d.next(SRCPORT, occ))).append(" > ").append(t.destination())
                .append('.').append(d.value(d.next(DSTPORT, occ))).append(": ");
        int next = t.nextShown(layer + 1);
        if (next < d.layerCount() && d.layerOwner(next).appendTcpdump(d, next, t)) {
            return true;
        }
        sb.append("UDP, length ").append(d.value(d.next(LENGTH, occ)) - 8);
        return true;
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 8) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int occ = d.beginLayer(PROTO, off, 8);
        int sport = d.u16(off);
        int dport = d.u16(off + 2);
        int len = d.u16(off + 4);
        d.add(SRCPORT, off, 2, sport);
        d.add(DSTPORT, off + 2, 2, dport);
        d.add(LENGTH, off + 4, 2, len);
        int cs = d.add(CHECKSUM, off + 6, 2, d.u16(off + 6));
        if (d.inIcmpError()) {
            return; // a quoted header: its payload is cut and not worth decoding
        }
        if (len < 8) {
            // Wireshark marks the packet malformed but only in an expert note: it raises no exception, so Info
            // carries no "[Malformed Packet]" (BIG TCP sends 0 here)
            d.flag(occ, Dissection.FLAG_MALFORMED | Dissection.FLAG_EXPERT_ONLY);
            return;
        }
        int payloadEnd = Math.min(end, off + len);
        boolean whole = off + len <= end && d.capturedLength() >= d.originalLength();
        if (d.u16(off + 6) == 0 && d.ipVersion() == 4) {
            d.addGenerated(CHECKSUM_STATUS, Checksums.NOT_PRESENT);
        } else if (!d.tables().verifyTransportChecksums()) {
            d.addGenerated(CHECKSUM_STATUS, Checksums.UNVERIFIED);
        } else if (whole && d.ipOffset() >= 0) {
            long pseudo = Checksums.pseudoHeader(d, 17, len);
            Checksums.verify(d, off, len, pseudo, CHECKSUM_STATUS, cs);
        }
        d.addGenerated(PAYLOAD_LEN, len - 8);
        int p = off + 8;
        if (p >= payloadEnd) {
            return;
        }
        DissectorTables t = d.tables();
        int low = Math.min(sport, dport);
        int high = Math.max(sport, dport);
        LayerDecoder next = t.udpHeuristicsFirst() ? t.udpHeuristic(d, p, payloadEnd) : null;
        if (next == null) {
            next = t.udp(low);
        }
        if (next == null) {
            next = t.udp(high);
        }
        if (next == null) {
            next = t.udpHeuristic(d, p, payloadEnd);
        }
        d.then(next != null ? next : Data.INSTANCE, p, payloadEnd);
    }
}
