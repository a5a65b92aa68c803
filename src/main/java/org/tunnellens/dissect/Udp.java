package org.tunnellens.dissect;

/** UDP (RFC 768). Payload goes to the lower port's decoder first, then the higher, then the VXLAN heuristic. */
public final class Udp implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("udp", "User Datagram Protocol");
    public static final FieldDef SRCPORT = FieldRegistry.uint("udp.srcport", "Source Port");
    public static final FieldDef DSTPORT = FieldRegistry.uint("udp.dstport", "Destination Port");
    public static final FieldDef LENGTH = FieldRegistry.uint("udp.length", "Length");
    public static final FieldDef CHECKSUM = FieldRegistry.hex("udp.checksum", "Checksum", 16);
    public static final FieldDef CHECKSUM_STATUS = FieldRegistry.uint("udp.checksum.status", "Checksum Status",
            Checksums::statusName);
    public static final FieldDef PAYLOAD_LEN = FieldRegistry.uint("udp.payload_len", "UDP payload length");
    static final Udp INSTANCE = new Udp();

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
        LayerDecoder next = t.udpHeuristicsFirst() ? heuristic(d, t, p, payloadEnd) : null;
        if (next == null) {
            next = t.udp(low);
        }
        if (next == null) {
            next = t.udp(high);
        }
        if (next == null) {
            next = heuristic(d, t, p, payloadEnd);
        }
        d.then(next != null ? next : Data.INSTANCE, p, payloadEnd);
    }

    private static LayerDecoder heuristic(Dissection d, DissectorTables t, int p, int end) {
        if (t.vxlanHeuristic() && Vxlan.looksLikeVxlan(d, p, end)) {
            return Vxlan.HEURISTIC;
        }
        return DnsHeuristic.looksLikeDns(d, p, end) ? NamedProtocol.DNS : null;
    }
}
