package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.TcpdumpPrinter;
import org.tunnellens.dissect.column.FieldFormatter;

/** IEEE 802.1Q tags ("vlan") and 802.1ad service tags ("ieee8021ad"), stacked as deep as they come. */
public final class Vlan extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("vlan", "802.1Q Virtual LAN");
    public static final FieldDef PRIORITY = F.uint("vlan.priority", "Priority");
    public static final FieldDef DEI = F.uint("vlan.dei", "DEI");
    public static final FieldDef ID = F.uint("vlan.id", "ID");
    public static final FieldDef ETYPE = F.hex("vlan.etype", "Type", 16, EtherTypes::name);
    public static final FieldDef LEN = F.uint("vlan.len", "Length");

    public static final FieldDef AD_PROTO = F.protocol("ieee8021ad", "IEEE 802.1ad");
    public static final FieldDef AD_PRIORITY = F.uint("ieee8021ad.priority", "Priority");
    public static final FieldDef AD_DEI = F.uint("ieee8021ad.dei", "DEI");
    public static final FieldDef AD_ID = F.uint("ieee8021ad.id", "ID");
    public static final FieldDef AD_ETYPE = F.hex("ieee8021ad.etype", "Type", 16, EtherTypes::name);

    public static final Vlan DOT1Q = new Vlan(false);
    public static final Vlan DOT1AD = new Vlan(true);

    private final boolean serviceTag;

    private Vlan(boolean serviceTag) {
        super(F);
        this.serviceTag = serviceTag;
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ethertype(0x8100, DOT1Q);
        h.ethertype(0x9100, DOT1Q);
        h.ethertype(0x88a8, DOT1AD);
    }

    @Override
    public String columnName(Dissection d, int occ) {
        return d.field(occ) == AD_PROTO ? "802.1ad" : "802.1Q";
    }

    @Override
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        boolean ad = d.field(occ) == AD_PROTO;
        sb.append(d.field(occ).label());
        int pri = d.nextInLayer(ad ? AD_PRIORITY : PRIORITY, occ);
        int dei = d.nextInLayer(ad ? AD_DEI : DEI, occ);
        int id = d.nextInLayer(ad ? AD_ID : ID, occ);
        if (pri >= 0 && dei >= 0 && id >= 0) {
            sb.append(", PRI: ").append(d.value(pri)).append(", DEI: ").append(d.value(dei)).append(", ID: ")
                    .append(d.value(id));
        }
    }

    /** tcpdump's 802.1Q print: with {@code -e} each tag ("vlan 69, p 0, ethertype IPv4 (0x0800), "), then the payload. */
    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        if (t.linkHeaders()) {
            boolean ad = d.field(occ) == AD_PROTO;
            int id = d.nextInLayer(ad ? AD_ID : ID, occ);
            int pri = d.nextInLayer(ad ? AD_PRIORITY : PRIORITY, occ);
            int dei = d.nextInLayer(ad ? AD_DEI : DEI, occ);
            int type = d.nextInLayer(ad ? AD_ETYPE : ETYPE, occ);
            StringBuilder sb = t.out();
            sb.append("vlan ").append(id < 0 ? 0 : d.value(id)).append(", p ").append(pri < 0 ? 0 : d.value(pri));
            if (dei >= 0 && d.value(dei) != 0) {
                sb.append(", DEI");
            }
            sb.append(", ");
            if (type >= 0) {
                sb.append("ethertype ").append(TcpdumpPrinter.ethertypeName(d.value(type))).append(" (");
                FieldFormatter.appendHex(sb, d.value(type), 4);
                sb.append("), ");
            }
        }
        t.print(t.nextShown(layer + 1));
        return true;
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        FieldDef proto = serviceTag ? AD_PROTO : PROTO;
        if (end - off < 4) {
            Malformed.mark(d, proto, off, end);
            return;
        }
        d.beginLayer(proto, off, 4);
        int tci = d.u16(off);
        d.add(serviceTag ? AD_PRIORITY : PRIORITY, off, 2, tci >>> 13);
        d.add(serviceTag ? AD_DEI : DEI, off, 2, (tci >>> 12) & 1);
        d.add(serviceTag ? AD_ID : ID, off, 2, tci & 0x0fff);
        int type = d.u16(off + 2);
        if (type <= 1500 && !serviceTag) {
            d.add(LEN, off + 2, 2, type);
            d.then(Llc.INSTANCE, off + 4, Math.min(end, off + 4 + type));
            return;
        }
        d.add(serviceTag ? AD_ETYPE : ETYPE, off + 2, 2, type);
        EtherTypes.dispatch(d, type, off + 4, end);
    }
}
