package org.tunnellens.dissect;

/**
 * IPv4 (RFC 791): options kept as bytes, header checksum verified, fragments reassembled as Wireshark does by
 * default: the fragment that completes a datagram decodes it whole (see {@link Ipv4Fragments}).
 */
public final class Ipv4 implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("ip", "Internet Protocol Version 4");
    public static final FieldDef VERSION = FieldRegistry.uint("ip.version", "Version");
    public static final FieldDef HDR_LEN = FieldRegistry.uint("ip.hdr_len", "Header Length");
    public static final FieldDef DSFIELD = FieldRegistry.hex("ip.dsfield", "Differentiated Services Field", 8);
    public static final FieldDef DSCP = FieldRegistry.uint("ip.dsfield.dscp", "Differentiated Services Codepoint");
    public static final FieldDef LEN = FieldRegistry.uint("ip.len", "Total Length");
    public static final FieldDef ID = FieldRegistry.hex("ip.id", "Identification", 16);
    public static final FieldDef FLAGS = FieldRegistry.hex("ip.flags", "Flags", 8);
    public static final FieldDef FLAGS_RB = FieldRegistry.flag("ip.flags.rb", "Reserved bit");
    public static final FieldDef FLAGS_DF = FieldRegistry.flag("ip.flags.df", "Don't fragment");
    public static final FieldDef FLAGS_MF = FieldRegistry.flag("ip.flags.mf", "More fragments");
    /** In units of 8 bytes, as on the wire and as Wireshark filters and prints it; the tree adds the bytes. */
    public static final FieldDef FRAG_OFFSET = FieldRegistry.uint("ip.frag_offset", "Fragment Offset",
            v -> v * 8 + " bytes");
    public static final FieldDef TTL = FieldRegistry.uint("ip.ttl", "Time to Live");
    public static final FieldDef PROTOCOL = FieldRegistry.uint("ip.proto", "Protocol", IpProtocols::name);
    public static final FieldDef CHECKSUM = FieldRegistry.hex("ip.checksum", "Header Checksum", 16);
    public static final FieldDef CHECKSUM_STATUS = FieldRegistry.uint("ip.checksum.status", "Header checksum status",
            Checksums::statusName);
    public static final FieldDef SRC = FieldRegistry.ipv4("ip.src", "Source Address");
    public static final FieldDef DST = FieldRegistry.ipv4("ip.dst", "Destination Address");
    public static final FieldDef OPTIONS = FieldRegistry.bytes("ip.options", "Options");
    public static final FieldDef FRAGMENTS = FieldRegistry.text("ip.fragments", "IPv4 Fragments");
    public static final FieldDef FRAGMENT = FieldRegistry.uint("ip.fragment", "IPv4 Fragment");
    public static final FieldDef FRAGMENT_COUNT = FieldRegistry.uint("ip.fragment.count", "Fragment count");
    public static final FieldDef REASSEMBLED_LENGTH = FieldRegistry.uint("ip.reassembled.length",
            "Reassembled IPv4 length");
    public static final FieldDef REASSEMBLED_DATA = FieldRegistry.bytes("ip.reassembled.data",
            "Reassembled IPv4 data");
    public static final FieldDef REASSEMBLED_IN = FieldRegistry.uint("ip.reassembled_in",
            "Reassembled IPv4 in frame");
    static final Ipv4 INSTANCE = new Ipv4();

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 20) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int vihl = d.u8(off);
        int hlen = (vihl & 0x0f) * 4;
        int occ = d.beginLayer(PROTO, off, Math.min(Math.max(hlen, 20), end - off));
        d.add(VERSION, off, 1, vihl >>> 4);
        d.add(HDR_LEN, off, 1, hlen);
        if (hlen < 20) {
            d.flag(occ, Dissection.FLAG_MALFORMED);
            return;
        }
        int tos = d.u8(off + 1);
        d.add(DSFIELD, off + 1, 1, tos);
        d.add(DSCP, off + 1, 1, tos >>> 2);
        int totalLen = d.u16(off + 2);
        d.add(LEN, off + 2, 2, totalLen);
        if (totalLen != 0 && totalLen < hlen) {
            d.flag(occ, Dissection.FLAG_MALFORMED); // "bogus IP length": tshark decodes no further
            return;
        }
        d.add(ID, off + 4, 2, d.u16(off + 4));
        int ff = d.u16(off + 6);
        int flagsOcc = d.add(FLAGS, off + 6, 1, ff >>> 13);
        d.add(FLAGS_RB, off + 6, 1, (ff >>> 15) & 1, flagsOcc);
        d.add(FLAGS_DF, off + 6, 1, (ff >>> 14) & 1, flagsOcc);
        d.add(FLAGS_MF, off + 6, 1, (ff >>> 13) & 1, flagsOcc);
        int fragOffset = (ff & 0x1fff) * 8;
        d.add(FRAG_OFFSET, off + 6, 2, ff & 0x1fff);
        d.add(TTL, off + 8, 1, d.u8(off + 8));
        int proto = d.u8(off + 9);
        d.add(PROTOCOL, off + 9, 1, proto);
        int csOcc = d.add(CHECKSUM, off + 10, 2, d.u16(off + 10));
        // the addresses lie in the fixed 20 bytes, so they are known even when the options are cut off (as tshark)
        if (end - off < hlen) {
            d.add(SRC, off + 12, 4, d.u32(off + 12));
            d.add(DST, off + 16, 4, d.u32(off + 16));
            d.flag(occ, Malformed.cutFlag(d, end));
            return;
        }
        Checksums.verify(d, off, hlen, 0, CHECKSUM_STATUS, csOcc);
        d.add(SRC, off + 12, 4, d.u32(off + 12));
        d.add(DST, off + 16, 4, d.u32(off + 16));
        if (hlen > 20) {
            d.add(OPTIONS, off + 20, hlen - 20, 0);
        }
        d.setIp(off, 4);
        // Ethernet padding lies beyond the IP total length; a zero total length (TSO, BIG TCP) means "to the end"
        int payloadEnd = totalLen >= hlen ? Math.min(end, off + totalLen) : end;
        if ((ff & 0x2000) != 0 || fragOffset != 0) {
            fragment(d, off, hlen, totalLen, payloadEnd, (ff & 0x2000) != 0, fragOffset, proto);
            return;
        }
        LayerDecoder next = d.tables().ipProtocol(proto);
        d.then(next != null ? next : Data.INSTANCE, off + hlen, payloadEnd);
    }

    private static void fragment(Dissection d, int off, int hlen, int totalLen, int payloadEnd, boolean more,
                                 int fragOffset, int proto) {
        int payload = off + hlen;
        Ipv4Fragments frags = d.fragments();
        // only a fragment captured whole, in the frame itself (not quoted by ICMP, not inside another reassembly)
        boolean usable = frags != null && !d.inIcmpError() && totalLen >= hlen && payloadEnd == off + totalLen
                && payloadEnd <= d.capturedLength();
        if (usable) {
            Ipv4Fragments.Datagram dg = frags.add(d.frameNumber(), d.u32(off + 12), d.u32(off + 16), d.u16(off + 4),
                    proto, d.base() + payload, fragOffset, payloadEnd - payload, more);
            if (dg.completedIn() == d.frameNumber()) {
                if (decodeReassembled(d, frags, dg, proto)) {
                    return;
                }
            } else if (dg.completedIn() != 0) {
                d.flag(d.add(REASSEMBLED_IN, 0, 0, dg.completedIn()), Dissection.FLAG_GENERATED);
            }
        }
        d.then(Data.INSTANCE, payload, payloadEnd);
    }

    private static boolean decodeReassembled(Dissection d, Ipv4Fragments frags, Ipv4Fragments.Datagram dg,
                                             int proto) {
        byte[] data = frags.reassemble(dg);
        int at = data == null ? -1 : d.attachReassembled(data);
        if (at < 0) {
            return false;
        }
        int len = data.length;
        StringBuilder label = new StringBuilder().append(dg.count()).append(" IPv4 Fragments (").append(len)
                .append(" bytes): ");
        int[] order = dg.byOffset();
        for (int j = 0; j < order.length; j++) {
            int k = order[j];
            label.append(j > 0 ? ", #" : "#").append(dg.frame(k)).append('(').append(dg.fragmentLength(k)).append(')');
        }
        int tree = d.addText(FRAGMENTS, at, len, label.toString(), -1);
        for (int k : order) {
            int from = Math.min(dg.fragmentOffset(k), len);
            int fragLen = Math.min(dg.fragmentLength(k), len - from);
            d.flag(d.add(FRAGMENT, at + from, fragLen, dg.frame(k), tree), Dissection.FLAG_GENERATED);
        }
        d.flag(d.add(FRAGMENT_COUNT, at, 0, dg.count(), tree), Dissection.FLAG_GENERATED);
        d.flag(d.add(REASSEMBLED_LENGTH, at, 0, len, tree), Dissection.FLAG_GENERATED);
        d.add(REASSEMBLED_DATA, at, len, 0, tree);
        LayerDecoder next = d.tables().ipProtocol(proto);
        d.then(next != null ? next : Data.INSTANCE, at, at + len);
        return true;
    }

    /** Whether an IPv4 layer is a fragment that this packet does not decode whole (Info: "Fragmented IP protocol"). */
    static boolean unreassembledFragment(Dissection d, int ipOcc) {
        int mf = d.next(FLAGS_MF, ipOcc);
        int fo = d.next(FRAG_OFFSET, ipOcc);
        if (mf < 0 || fo < 0 || d.layerOf(mf) != d.layerOf(ipOcc) || d.layerOf(fo) != d.layerOf(ipOcc)
                || (d.value(mf) == 0 && d.value(fo) == 0)) {
            return false;
        }
        int after = d.next(FRAGMENTS, ipOcc);
        return after < 0 || d.layerOf(after) != d.layerOf(ipOcc);
    }
}
