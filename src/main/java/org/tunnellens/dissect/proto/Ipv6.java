package org.tunnellens.dissect.proto;

import org.tunnellens.capture.LinkType;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.TcpdumpPrinter;
import org.tunnellens.dissect.column.FieldFormatter;

/** IPv6 (RFC 8200): extension headers walked and skipped, non-first fragments left as data. */
public final class Ipv6 extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("ipv6", "Internet Protocol Version 6");
    public static final FieldDef VERSION = F.uint("ipv6.version", "Version");
    public static final FieldDef TCLASS = F.hex("ipv6.tclass", "Traffic Class", 8);
    public static final FieldDef FLOW = F.hex("ipv6.flow", "Flow Label", 20);
    public static final FieldDef PLEN = F.uint("ipv6.plen", "Payload Length");
    public static final FieldDef NXT = F.uint("ipv6.nxt", "Next Header", IpProtocols::name);
    public static final FieldDef HLIM = F.uint("ipv6.hlim", "Hop Limit");
    public static final FieldDef SRC = F.ipv6("ipv6.src", "Source Address").sourceColumn();
    public static final FieldDef DST = F.ipv6("ipv6.dst", "Destination Address").destinationColumn();
    public static final FieldDef EXT = F.uint("ipv6.ext", "Extension header", IpProtocols::name);
    public static final Ipv6 INSTANCE = new Ipv6();

    static {
        F.alias("ipv6.addr", SRC, DST);
    }

    private Ipv6() {
        super(F);
    }
    private static final int MAX_EXTENSIONS = 16;

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ethertype(0x86dd, this);
        h.ipProtocol(41, this);
        h.linkType(LinkType.IPV6, this);
        h.decodeAs("ipv6", this);
    }

    @Override
    public String columnName(Dissection d, int occ) {
        return "IPv6";
    }

    @Override
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        sb.append(PROTO.label());
        int s = d.nextInLayer(SRC, occ);
        int t = d.nextInLayer(DST, occ);
        if (s >= 0 && t >= 0) {
            sb.append(", Src: ");
            FieldFormatter.appendIpv6(d, d.start(s), sb);
            sb.append(", Dst: ");
            FieldFormatter.appendIpv6(d, d.start(t), sb);
        }
    }

    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        StringBuilder sb = t.out();
        if (!t.linkPrinted()) {
            sb.append("IP6 ");
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

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 40) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int occ = d.beginLayer(PROTO, off, 40);
        long w = d.u32(off);
        d.add(VERSION, off, 1, w >>> 28);
        d.add(TCLASS, off, 2, (w >>> 20) & 0xff);
        d.add(FLOW, off + 1, 3, w & 0xfffff);
        int plen = d.u16(off + 4);
        d.add(PLEN, off + 4, 2, plen);
        int nxt = d.u8(off + 6);
        d.add(NXT, off + 6, 1, nxt);
        d.add(HLIM, off + 7, 1, d.u8(off + 7));
        d.add(SRC, off + 8, 16, 0);
        d.add(DST, off + 24, 16, 0);
        d.setIp(off, 6, plen == 0 ? -1 : off + 40 + plen);
        int payloadEnd = plen == 0 ? end : Math.min(end, off + 40 + plen);
        int p = off + 40;
        for (int i = 0; i < MAX_EXTENSIONS; i++) {
            boolean ext = nxt == 0 || nxt == 43 || nxt == 60 || nxt == 44 || nxt == 51;
            if (!ext) {
                break;
            }
            if (payloadEnd - p < 8) {
                d.flag(occ, Dissection.FLAG_MALFORMED);
                return;
            }
            int hdrLen = nxt == 44 ? 8 : nxt == 51 ? (d.u8(p + 1) + 2) * 4 : (d.u8(p + 1) + 1) * 8;
            if (p + hdrLen > Math.min(payloadEnd, d.limit())) {
                // a header claiming more bytes than there are: Wireshark stops here, "Malformed Packet" when the
                // IPv6 payload is too short, "Packet size limited during capture" when the capture cut it
                d.flag(occ, p + hdrLen > payloadEnd ? Dissection.FLAG_MALFORMED : Dissection.FLAG_TRUNCATED);
                return;
            }
            d.add(EXT, p, hdrLen, nxt);
            int following = d.u8(p);
            if (nxt == 44 && ((d.u16(p + 2) & 0xfff8) != 0 || (d.u16(p + 2) & 1) != 0)) {
                d.setLength(occ, p + hdrLen - off);
                d.then(Data.INSTANCE, p + hdrLen, payloadEnd);
                return;
            }
            nxt = following;
            p += hdrLen;
        }
        d.setLength(occ, Math.min(p, end) - off);
        if (p > payloadEnd) {
            d.flag(occ, Dissection.FLAG_MALFORMED);
            return;
        }
        if (nxt == 59) {
            return; // no next header
        }
        LayerDecoder next = d.tables().ipProtocol(nxt);
        d.then(next != null ? next : Data.INSTANCE, p, payloadEnd);
    }
}
