package org.tunnellens.dissect.proto;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.TcpdumpPrinter;
import org.tunnellens.dissect.column.FieldFormatter;

/**
 * VXLAN (RFC 7348) with the Group Based Policy extension: 8 bytes of header, then the tenant's Ethernet frame.
 * Registered on UDP 4789 (IANA) and 8472 (the Linux kernel's default); a heuristic finds it on other ports.
 */
public final class Vxlan extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("vxlan", "Virtual eXtensible Local Area Network");
    public static final FieldDef FLAGS = F.hex("vxlan.flags", "Flags", 16);
    public static final FieldDef FLAG_G = F.flag("vxlan.flags.gbp", "GBP Extension");
    public static final FieldDef FLAG_I = F.flag("vxlan.flags.vni", "VXLAN Network ID (VNI)");
    public static final FieldDef FLAG_D = F.flag("vxlan.flags.d", "Don't Learn");
    public static final FieldDef FLAG_A = F.flag("vxlan.flags.a", "Policy Applied");
    public static final FieldDef GBP = F.uint("vxlan.gbp", "Group Policy ID");
    public static final FieldDef RESERVED_16 = F.hex("vxlan.reserved_16", "Reserved", 16);
    public static final FieldDef VNI = F.uint("vxlan.vni", "VXLAN Network Identifier (VNI)");
    public static final FieldDef RESERVED_8 = F.uint("vxlan.reserved_8", "Reserved");
    public static final FieldDef HEURISTIC_MARK = F.text("vxlan.heuristic",
            "Decoded by heuristic: flags 0x08, reserved bytes zero, plausible inner Ethernet");
    /** Tunnels inside tunnels stop here, so a crafted packet cannot make decoding recurse without end. */
    public static final int MAX_TUNNEL_DEPTH = 8;
    /** The heuristic's short name, for {@code --disable-heuristic} and the decode configuration. */
    public static final String HEURISTIC_NAME = "vxlan_udp";
    public static final Vxlan INSTANCE = new Vxlan(false);
    public static final Vxlan HEURISTIC = new Vxlan(true);

    private final boolean heuristic;

    private Vxlan(boolean heuristic) {
        super(F);
        this.heuristic = heuristic;
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.udpPort(4789, this); // IANA
        h.udpPort(8472, this); // the Linux kernel's default
        h.heuristic("udp", HEURISTIC_NAME, "VXLAN on any UDP port", Vxlan::looksLikeVxlan, HEURISTIC);
        h.decodeAs("vxlan", this);
    }

    @Override
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        sb.append(PROTO.label());
        int vni = d.nextInLayer(VNI, occ);
        if (vni >= 0) {
            // the hex form is what OVS prints as tun_id
            sb.append(", VNI: ").append(d.value(vni)).append(" (");
            FieldFormatter.appendHex(sb, d.value(vni), 6);
            sb.append(')');
        }
    }

    /** tcpdump's vxlan_print (named VXLAN on 8472 too, where tcpdump says OTV), then the inner frame on its line. */
    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        StringBuilder sb = t.out();
        sb.append("VXLAN, flags [I] (");
        FieldFormatter.appendHex(sb, d.value(d.next(FLAGS, occ)) >>> 8, 2);
        sb.append("), vni ").append(d.value(d.next(VNI, occ)));
        int inner = t.nextShown(layer + 1);
        if (inner < d.layerCount()) {
            t.printInnerFrame(inner);
        } else {
            sb.append('\n');
        }
        return true;
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

    /** The heuristic for VXLAN on a port no table claims, as the dissector asks it (never inside an ICMP quote). */
    static boolean looksLikeVxlan(Dissection d, int off, int end) {
        if (end - off < MIN_HEURISTIC_BYTES || d.inIcmpError()) {
            return false;
        }
        return looksLikeVxlan(d.slice(off, MIN_HEURISTIC_BYTES), 0, MIN_HEURISTIC_BYTES);
    }

    /** Header, inner Ethernet and the start of an inner IPv4 header: the least a heuristic match needs. */
    private static final int MIN_HEURISTIC_BYTES = 8 + 14 + 20;

    /**
     * The one VXLAN heuristic, used by the dissector and by the correlation's fast path alike: flags 0x08, reserved
     * bytes zero, a unicast inner source MAC, a non-zero destination and a known inner ethertype.
     *
     * @param vx  offset of the would-be VXLAN header in {@code s}
     * @param end offset where the UDP payload ends
     */
    public static boolean looksLikeVxlan(MemorySegment s, long vx, long end) {
        if (end - vx < MIN_HEURISTIC_BYTES) {
            return false;
        }
        if (s.get(ValueLayout.JAVA_BYTE, vx) != 0x08 || s.get(ValueLayout.JAVA_BYTE, vx + 1) != 0
                || s.get(BE16, vx + 2) != 0 || s.get(ValueLayout.JAVA_BYTE, vx + 7) != 0) {
            return false;
        }
        long dst = u48(s, vx + 8);
        long src = u48(s, vx + 8 + 6);
        int type = Short.toUnsignedInt(s.get(BE16, vx + 8 + 12));
        boolean srcUnicast = (src >>> 40 & 1) == 0 && src != 0;
        return srcUnicast && dst != 0 && (type == 0x0800 || type == 0x0806 || type == 0x86dd || type == 0x8100);
    }

    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private static long u48(MemorySegment s, long off) {
        return ((long) Short.toUnsignedInt(s.get(BE16, off)) << 32) | Integer.toUnsignedLong(s.get(BE32, off + 2));
    }
}
