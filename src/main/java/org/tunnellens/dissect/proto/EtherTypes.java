package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.DissectorTables;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Protocol;

/**
 * The "ethertype" table, with tshark's pseudo-protocol of that name recorded in {@code frame.protocols}, and the
 * names Wireshark's {@code etype_vals} gives the types.
 */
public final class EtherTypes extends Protocol {
    private static final Fields F = new Fields();
    static final FieldDef PSEUDO = F.hiddenProtocol("ethertype", "Ethertype");
    public static final EtherTypes INSTANCE = new EtherTypes();

    private EtherTypes() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PSEUDO;
    }

    /** A pseudo-layer never names the Protocol column. */
    @Override
    public String columnName(Dissection d, int occ) {
        return null;
    }

    static void dispatch(Dissection d, int type, int off, int end) {
        d.beginLayer(PSEUDO, off, 0);
        LayerDecoder next = d.tables().ethertype(type);
        d.then(next != null ? next : Data.INSTANCE, off, end);
    }

    public static String name(long type) {
        return switch ((int) type) {
            case 0x0800 -> "IPv4";
            case 0x0806 -> "ARP";
            case 0x86dd -> "IPv6";
            case 0x8100 -> "802.1Q Virtual LAN";
            case 0x88a8 -> "802.1ad Provider Bridge (Q-in-Q)";
            case 0x8847 -> "MPLS label switched packet";
            case 0x6558 -> "Transparent Ethernet bridging";
            case 0x88be -> "ERSPAN";
            case 0x894f -> "Network Service Header";
            case 0x880b -> "PPP";
            default -> DissectorTables.defaults().ethertypeName((int) type);
        };
    }
}
