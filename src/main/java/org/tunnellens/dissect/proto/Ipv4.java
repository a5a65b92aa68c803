package org.tunnellens.dissect.proto;

import java.util.HashMap;
import java.util.Map;
import org.tunnellens.capture.LinkType;
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
import org.tunnellens.dissect.firstpass.Ipv4Fragments;

/**
 * IPv4 (RFC 791): options kept as bytes, header checksum verified, fragments reassembled as Wireshark does by
 * default: the fragment that completes a datagram decodes it whole (see {@link Ipv4Fragments}).
 */
public final class Ipv4 extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("ip", "Internet Protocol Version 4");
    public static final FieldDef VERSION = F.uint("ip.version", "Version");
    public static final FieldDef HDR_LEN = F.uint("ip.hdr_len", "Header Length");
    public static final FieldDef DSFIELD = F.hex("ip.dsfield", "Differentiated Services Field", 8);
    public static final FieldDef DSCP = F.uint("ip.dsfield.dscp", "Differentiated Services Codepoint");
    public static final FieldDef LEN = F.uint("ip.len", "Total Length");
    public static final FieldDef ID = F.hex("ip.id", "Identification", 16);
    public static final FieldDef FLAGS = F.hex("ip.flags", "Flags", 8);
    public static final FieldDef FLAGS_RB = F.flag("ip.flags.rb", "Reserved bit");
    public static final FieldDef FLAGS_DF = F.flag("ip.flags.df", "Don't fragment");
    public static final FieldDef FLAGS_MF = F.flag("ip.flags.mf", "More fragments");
    /** In units of 8 bytes, as on the wire and as Wireshark filters and prints it; the tree adds the bytes. */
    public static final FieldDef FRAG_OFFSET = F.uint("ip.frag_offset", "Fragment Offset",
            v -> v * 8 + " bytes");
    public static final FieldDef TTL = F.uint("ip.ttl", "Time to Live");
    public static final FieldDef PROTOCOL = F.uint("ip.proto", "Protocol", IpProtocols::name);
    public static final FieldDef CHECKSUM = F.hex("ip.checksum", "Header Checksum", 16);
    public static final FieldDef CHECKSUM_STATUS = F.uint("ip.checksum.status", "Header checksum status",
            Checksums::statusName);
    public static final FieldDef SRC = F.ipv4("ip.src", "Source Address").sourceColumn();
    public static final FieldDef DST = F.ipv4("ip.dst", "Destination Address").destinationColumn();
    public static final FieldDef OPTIONS = F.bytes("ip.options", "Options");
    public static final FieldDef FRAGMENTS = F.text("ip.fragments", "IPv4 Fragments");
    public static final FieldDef FRAGMENT = F.uint("ip.fragment", "IPv4 Fragment");
    public static final FieldDef FRAGMENT_COUNT = F.uint("ip.fragment.count", "Fragment count");
    public static final FieldDef REASSEMBLED_LENGTH = F.uint("ip.reassembled.length",
            "Reassembled IPv4 length");
    public static final FieldDef REASSEMBLED_DATA = F.bytes("ip.reassembled.data",
            "Reassembled IPv4 data");
    public static final FieldDef REASSEMBLED_IN = F.uint("ip.reassembled_in",
            "Reassembled IPv4 in frame");
    public static final Ipv4 INSTANCE = new Ipv4();

    static {
        F.alias("ip.addr", SRC, DST);
    }

    private Ipv4() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ethertype(0x0800, this);
        h.ipProtocol(4, this);
        h.linkType(LinkType.IPV4, this);
        h.linkType(LinkType.RAW, RawIp.INSTANCE);
        h.decodeAs("ip", this);
    }

    @Override
    public String columnName(Dissection d, int occ) {
        return "IPv4";
    }

    @Override
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        sb.append(PROTO.label());
        int s = d.nextInLayer(SRC, occ);
        int t = d.nextInLayer(DST, occ);
        if (s >= 0 && t >= 0) {
            sb.append(", Src: ");
            FieldFormatter.appendIpv4(sb, d.value(s));
            sb.append(", Dst: ");
            FieldFormatter.appendIpv4(sb, d.value(t));
        }
    }

    /**
     * Only a header Wireshark calls bogus, or a fragment this packet does not decode whole ("Fragmented IP
     * protocol"), has a text of its own.
     */
    @Override
    public boolean appendInfo(Dissection d, int occ, PassResults pass, StringBuilder sb) {
        int hl = d.nextInLayer(HDR_LEN, occ);
        if (hl >= 0 && d.value(hl) < 20) {
            sb.append("Bogus IP header length (").append(d.value(hl)).append(", must be at least 20)");
            return true;
        }
        int len = d.nextInLayer(LEN, occ);
        if (hl >= 0 && len >= 0 && d.value(len) != 0 && d.value(len) < d.value(hl)) {
            sb.append("Bogus IP length (").append(d.value(len)).append(", less than header length ")
                    .append(d.value(hl)).append(')');
            return true;
        }
        if (!unreassembledFragment(d, occ)) {
            return false;
        }
        long p = d.value(d.next(PROTOCOL, occ));
        String name = IpProtocols.name(p);
        sb.append("Fragmented IP protocol (proto=").append(name == null ? "Unknown" : name).append(' ').append(p)
                .append(", off=").append(d.value(d.next(FRAG_OFFSET, occ)) * 8).append(", ID=");
        String hex = Long.toHexString(d.value(d.next(ID, occ)));
        sb.append("0".repeat(Math.max(0, 4 - hex.length()))).append(hex).append(')');
        int in = d.nextInLayer(REASSEMBLED_IN, occ);
        long frame = in >= 0 ? d.value(in) : reassembledIn(pass, d.frameNumber() - 1);
        if (frame > 0) {
            sb.append(" [Reassembled in #").append(frame).append(']');
        }
        return true;
    }

    /** tcpdump's ip_print: the addresses, unless the transport prints them with its ports. */
    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        StringBuilder sb = t.out();
        if (!t.linkPrinted()) {
            sb.append("IP ");
        }
        String src = FieldFormatter.value(d, d.next(SRC, occ));
        String dst = FieldFormatter.value(d, d.next(DST, occ));
        t.setAddresses(src, dst);
        int next = t.nextShown(layer + 1);
        if (next >= d.layerCount()) {
            sb.append(src).append(" > ").append(dst).append(": ip-proto");
        } else if (!d.layerOwner(next).appendTcpdump(d, next, t)) {
            sb.append(src).append(" > ").append(dst).append(": ").append(d.layerProtocol(next).abbrev());
        }
        return true;
    }

    /** The frame that reassembled the datagram packet {@code packet} is a fragment of, or 0. */
    private static int reassembledIn(PassResults pass, int packet) {
        Map<Integer, Integer> in = pass.get(REASSEMBLED);
        return in == null ? 0 : in.getOrDefault(packet, 0);
    }

    /** Fragments (0-based packet) -> the frame that reassembled their datagram; rare, so a map. */
    private static final StateKey<Map<Integer, Integer>> REASSEMBLED = StateKey.of("IPv4 reassembled in",
            HashMap::new);

    @Override
    public boolean hasFirstPass() {
        return true;
    }

    /**
     * A frame that reassembles a datagram names its pieces, so each piece can say where it went. The datagram may be
     * the outer one of a tunnel, so every IPv4 layer of the packet is looked at, not only the innermost.
     */
    @Override
    public void firstPass(Dissection d, int occ, PassContext pass) {
        for (int frags = d.first(FRAGMENTS); frags >= 0; frags = d.next(FRAGMENTS, frags)) {
            Map<Integer, Integer> in = pass.state(REASSEMBLED);
            for (int f = d.next(FRAGMENT, frags); f >= 0 && d.parent(f) == frags; f = d.next(FRAGMENT, f)) {
                int frame = (int) d.value(f);
                if (frame != d.frameNumber()) {
                    in.put(frame - 1, d.frameNumber());
                }
            }
        }
    }

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
            return; // "Bogus IP header length": Wireshark notes it and decodes no further, without an exception
        }
        int tos = d.u8(off + 1);
        d.add(DSFIELD, off + 1, 1, tos);
        d.add(DSCP, off + 1, 1, tos >>> 2);
        int totalLen = d.u16(off + 2);
        d.add(LEN, off + 2, 2, totalLen);
        if (totalLen != 0 && totalLen < hlen) {
            return; // "Bogus IP length": noted, not an exception, and nothing after it is decoded
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
        d.setIp(off, 4, totalLen >= hlen ? off + totalLen : -1);
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
        Ipv4Fragments frags = d.state(Ipv4Fragments.KEY);
        // only a fragment captured whole, in the frame itself (not quoted by ICMP, not inside another reassembly)
        boolean usable = !d.inIcmpError() && totalLen >= hlen && payloadEnd == off + totalLen
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
