package org.tunnellens.dissect;

/** IEEE 802.1Q tags ("vlan") and 802.1ad service tags ("ieee8021ad"), stacked as deep as they come. */
public final class Vlan implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("vlan", "802.1Q Virtual LAN");
    public static final FieldDef PRIORITY = FieldRegistry.uint("vlan.priority", "Priority");
    public static final FieldDef DEI = FieldRegistry.uint("vlan.dei", "DEI");
    public static final FieldDef ID = FieldRegistry.uint("vlan.id", "ID");
    public static final FieldDef ETYPE = FieldRegistry.hex("vlan.etype", "Type", 16, EtherTypes::name);
    public static final FieldDef LEN = FieldRegistry.uint("vlan.len", "Length");

    public static final FieldDef AD_PROTO = FieldRegistry.protocol("ieee8021ad", "IEEE 802.1ad");
    public static final FieldDef AD_PRIORITY = FieldRegistry.uint("ieee8021ad.priority", "Priority");
    public static final FieldDef AD_DEI = FieldRegistry.uint("ieee8021ad.dei", "DEI");
    public static final FieldDef AD_ID = FieldRegistry.uint("ieee8021ad.id", "ID");
    public static final FieldDef AD_ETYPE = FieldRegistry.hex("ieee8021ad.etype", "Type", 16, EtherTypes::name);

    static final Vlan DOT1Q = new Vlan(false);
    static final Vlan DOT1AD = new Vlan(true);

    private final boolean serviceTag;

    private Vlan(boolean serviceTag) {
        this.serviceTag = serviceTag;
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
