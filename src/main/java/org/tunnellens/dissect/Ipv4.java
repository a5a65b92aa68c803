package org.tunnellens.dissect;

/** IPv4 (RFC 791): options kept as bytes, fragments flagged and not reassembled, header checksum verified. */
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
    public static final FieldDef FRAG_OFFSET = FieldRegistry.uint("ip.frag_offset", "Fragment Offset");
    public static final FieldDef TTL = FieldRegistry.uint("ip.ttl", "Time to Live");
    public static final FieldDef PROTOCOL = FieldRegistry.uint("ip.proto", "Protocol", IpProtocols::name);
    public static final FieldDef CHECKSUM = FieldRegistry.hex("ip.checksum", "Header Checksum", 16);
    public static final FieldDef CHECKSUM_STATUS = FieldRegistry.uint("ip.checksum.status", "Header checksum status",
            Checksums::statusName);
    public static final FieldDef SRC = FieldRegistry.ipv4("ip.src", "Source Address");
    public static final FieldDef DST = FieldRegistry.ipv4("ip.dst", "Destination Address");
    public static final FieldDef OPTIONS = FieldRegistry.bytes("ip.options", "Options");
    public static final FieldDef FRAGMENT = FieldRegistry.flag("ip.fragment", "Fragment (not reassembled)");
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
        d.add(FRAG_OFFSET, off + 6, 2, fragOffset);
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
            d.addGenerated(FRAGMENT, 1);
            d.then(Data.INSTANCE, off + hlen, payloadEnd);
            return;
        }
        LayerDecoder next = d.tables().ipProtocol(proto);
        d.then(next != null ? next : Data.INSTANCE, off + hlen, payloadEnd);
    }
}
