package org.tunnellens.dissect.proto;

import org.tunnellens.capture.LinkType;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.TcpdumpPrinter;
import org.tunnellens.dissect.column.FieldFormatter;

/** Ethernet II and IEEE 802.3 (length field, LLC follows). */
public final class Ethernet extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("eth", "Ethernet II");
    public static final FieldDef DST = F.ether("eth.dst", "Destination").destinationColumn();
    public static final FieldDef SRC = F.ether("eth.src", "Source").sourceColumn();
    /** Source or destination: Wireshark's filter pseudo-field. */
    public static final FieldDef ADDR = F.ether("eth.addr", "Address");
    public static final FieldDef TYPE = F.hex("eth.type", "Type", 16, EtherTypes::name);
    public static final FieldDef LEN = F.uint("eth.len", "Length");
    public static final FieldDef PADDING = F.bytes("eth.padding", "Padding");
    public static final FieldDef TRAILER = F.bytes("eth.trailer", "Trailer");
    public static final FieldDef IG = F.flag("eth.ig", "IG bit (group address)");
    public static final Ethernet INSTANCE = new Ethernet();

    static {
        F.alias("eth.addr", DST, SRC);
    }

    private Ethernet() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.linkType(LinkType.ETHERNET, this);
        h.ethertype(0x6558, this);
        h.decodeAs("eth", this);
    }

    @Override
    public String columnName(Dissection d, int occ) {
        return "Ethernet";
    }

    @Override
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        int s = d.nextInLayer(SRC, occ);
        int t = d.nextInLayer(DST, occ);
        sb.append(d.nextInLayer(TYPE, occ) >= 0 ? PROTO.label() : "IEEE 802.3 Ethernet");
        if (s >= 0 && t >= 0) {
            sb.append(", Src: ");
            FieldFormatter.appendMac(sb, d.value(s));
            sb.append(", Dst: ");
            FieldFormatter.appendMac(sb, d.value(t));
        }
    }

    /** tcpdump's ether_print: with {@code -e} the addresses, ethertype and length, then the payload. */
    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        StringBuilder sb = t.out();
        if (t.linkHeaders()) {
            sb.append(FieldFormatter.mac(d.value(d.next(SRC, occ)))).append(" > ")
                    .append(FieldFormatter.mac(d.value(d.next(DST, occ))));
            int type = d.next(TYPE, occ);
            if (type >= 0) {
                long et = d.value(type);
                String name = TcpdumpPrinter.ethertypeName(et);
                sb.append(", ethertype ").append(name).append(" (");
                FieldFormatter.appendHex(sb, et, 4);
                sb.append("), length ").append(t.frameLength()).append(": ");
            }
            t.setLinkPrinted();
        }
        t.print(t.nextShown(layer + 1));
        return true;
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 14) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int occ = d.beginLayer(PROTO, off, 14);
        d.add(DST, off, 6, d.u48(off));
        d.add(SRC, off + 6, 6, d.u48(off + 6));
        int type = d.u16(off + 12);
        if (type <= 1500) {
            d.add(LEN, off + 12, 2, type);
            d.then(Llc.INSTANCE, off + 14, Math.min(end, off + 14 + type));
            return;
        }
        d.add(TYPE, off + 12, 2, type);
        EtherTypes.dispatch(d, type, off + 14, end);
        d.setLength(occ, 14);
    }
}
