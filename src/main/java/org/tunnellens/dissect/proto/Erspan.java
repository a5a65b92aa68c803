package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;

/** ERSPAN type II (8-byte header) carrying a mirrored Ethernet frame. */
public final class Erspan extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("erspan", "Encapsulated Remote Switch Packet ANalysis");
    public static final FieldDef VERSION = F.uint("erspan.version", "Version");
    public static final FieldDef VLAN = F.uint("erspan.vlan", "Vlan");
    public static final FieldDef SPANID = F.uint("erspan.spanid", "SpanID");
    public static final Erspan INSTANCE = new Erspan();

    private Erspan() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 8) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int version = d.u8(off) >>> 4;
        int hdr = version == 2 ? 12 : 8;
        int occ = d.beginLayer(PROTO, off, Math.min(hdr, end - off));
        d.add(VERSION, off, 1, version);
        d.add(VLAN, off, 2, d.u16(off) & 0x0fff);
        d.add(SPANID, off + 2, 2, d.u16(off + 2) & 0x03ff);
        if (off + hdr > end) {
            d.flag(occ, Dissection.FLAG_MALFORMED);
            return;
        }
        d.then(Ethernet.INSTANCE, off + hdr, end);
    }
}
