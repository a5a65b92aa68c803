package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;

/** IEEE 802.2 LLC, with SNAP handing over to the ethertype table; named enough for tshark's protocol list. */
public final class Llc extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("llc", "Logical-Link Control");
    public static final FieldDef DSAP = F.hex("llc.dsap", "DSAP", 8);
    public static final FieldDef SSAP = F.hex("llc.ssap", "SSAP", 8);
    public static final FieldDef CONTROL = F.hex("llc.control", "Control field", 8);
    public static final FieldDef OUI = F.hex("llc.oui", "Organization Code", 24);
    public static final FieldDef PID = F.hex("llc.pid", "Protocol ID", 16);
    public static final FieldDef CDP = F.protocol("cdp", "Cisco Discovery Protocol");
    public static final Llc INSTANCE = new Llc();

    private Llc() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 3) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int occ = d.beginLayer(PROTO, off, 3);
        int dsap = d.u8(off);
        int ssap = d.u8(off + 1);
        d.add(DSAP, off, 1, dsap);
        d.add(SSAP, off + 1, 1, ssap);
        d.add(CONTROL, off + 2, 1, d.u8(off + 2));
        if (dsap == 0xaa && ssap == 0xaa && end - off >= 8) {
            d.setLength(occ, 8);
            int oui = d.u24(off + 3);
            int pid = d.u16(off + 6);
            d.add(OUI, off + 3, 3, oui);
            d.add(PID, off + 6, 2, pid);
            if (oui == 0) {
                LayerDecoder next = d.tables().ethertype(pid);
                d.then(next != null ? next : Data.INSTANCE, off + 8, end);
            } else if (oui == 0x00000c && pid == 0x2000) {
                d.beginLayer(CDP, off + 8, end - off - 8);
            }
        }
    }
}
