package org.tunnellens.dissect;

/**
 * VXLAN (RFC 7348) with the Group Based Policy extension: 8 bytes of header, then the tenant's Ethernet frame.
 * Registered on UDP 4789 (IANA) and 8472 (the Linux kernel's default); a heuristic finds it on other ports.
 */
public final class Vxlan implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("vxlan", "Virtual eXtensible Local Area Network");
    public static final FieldDef FLAGS = FieldRegistry.hex("vxlan.flags", "Flags", 16);
    public static final FieldDef FLAG_G = FieldRegistry.flag("vxlan.flags.gbp", "GBP Extension");
    public static final FieldDef FLAG_I = FieldRegistry.flag("vxlan.flags.vni", "VXLAN Network ID (VNI)");
    public static final FieldDef FLAG_D = FieldRegistry.flag("vxlan.flags.d", "Don't Learn");
    public static final FieldDef FLAG_A = FieldRegistry.flag("vxlan.flags.a", "Policy Applied");
    public static final FieldDef GBP = FieldRegistry.uint("vxlan.gbp", "Group Policy ID");
    public static final FieldDef RESERVED_16 = FieldRegistry.hex("vxlan.reserved_16", "Reserved", 16);
    public static final FieldDef VNI = FieldRegistry.uint("vxlan.vni", "VXLAN Network Identifier (VNI)");
    public static final FieldDef RESERVED_8 = FieldRegistry.uint("vxlan.reserved_8", "Reserved");
    public static final FieldDef HEURISTIC_MARK = FieldRegistry.text("vxlan.heuristic",
            "Decoded by heuristic: flags 0x08, reserved bytes zero, plausible inner Ethernet");
    /** Tunnels inside tunnels stop here, so a crafted packet cannot make decoding recurse without end. */
    public static final int MAX_TUNNEL_DEPTH = 8;
    static final Vxlan INSTANCE = new Vxlan(false);
    static final Vxlan HEURISTIC = new Vxlan(true);

    private final boolean heuristic;

    private Vxlan(boolean heuristic) {
        this.heuristic = heuristic;
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 8) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int occ = d.beginLayer(PROTO, off, 8);
        if (heuristic) {
            d.flag(occ, Dissection.FLAG_HEURISTIC);
            d.add(HEURISTIC_MARK, off, 0, 0);
        }
        int flags = d.u16(off);
        int f = d.add(FLAGS, off, 2, flags);
        d.add(FLAG_G, off, 1, (flags >>> 15) & 1, f);
        d.add(FLAG_I, off, 1, (flags >>> 11) & 1, f);
        d.add(FLAG_D, off + 1, 1, (flags >>> 6) & 1, f);
        d.add(FLAG_A, off + 1, 1, (flags >>> 3) & 1, f);
        if ((flags & 0x8000) != 0) {
            d.add(GBP, off + 2, 2, d.u16(off + 2));
        } else {
            d.add(RESERVED_16, off + 2, 2, d.u16(off + 2));
        }
        d.add(VNI, off + 4, 3, d.u24(off + 4));
        d.add(RESERVED_8, off + 7, 1, d.u8(off + 7));
        if (end - off > 8 && d.depth() < MAX_TUNNEL_DEPTH) {
            d.enterTunnel();
            d.then(Ethernet.INSTANCE, off + 8, end);
        }
    }

    /** The heuristic for VXLAN on a port no table claims: flags 0x08, reserved zero, a known inner ethertype. */
    static boolean looksLikeVxlan(Dissection d, int off, int end) {
        if (end - off < 8 + 14 + 20 || d.inIcmpError()) {
            return false;
        }
        if (d.u8(off) != 0x08 || d.u8(off + 1) != 0 || d.u16(off + 2) != 0 || d.u8(off + 7) != 0) {
            return false;
        }
        int type = d.u16(off + 8 + 12);
        long dst = d.u48(off + 8);
        long src = d.u48(off + 8 + 6);
        boolean srcUnicast = (src >>> 40 & 1) == 0 && src != 0;
        return srcUnicast && dst != 0 && (type == 0x0800 || type == 0x0806 || type == 0x86dd || type == 0x8100);
    }
}
