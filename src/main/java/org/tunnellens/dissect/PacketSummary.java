package org.tunnellens.dissect;

import java.util.Set;
import org.tunnellens.capture.CaptureFile;

/**
 * The packet-list columns as Wireshark fills them: Source, Destination and Protocol of the innermost layer that
 * sets them, and the Info text. The columns are also fields ({@code _ws.col.Info}), as in tshark.
 */
public final class PacketSummary {
    private static final Set<String> COLUMNS = Set.of("_ws.col.No.", "_ws.col.Time", "_ws.col.Source",
            "_ws.col.Destination", "_ws.col.Protocol", "_ws.col.Length", "_ws.col.Info");

    private final CaptureFile file;
    private final RequestReplyIndex pairs;

    public PacketSummary(CaptureFile file) {
        this(file, RequestReplyIndex.empty());
    }

    /** With the first pass's pairs, so Info says "(reply in N)" as tshark -2 does. */
    public PacketSummary(CaptureFile file, RequestReplyIndex pairs) {
        this.file = file;
        this.pairs = pairs;
    }

    public static boolean isColumn(String name) {
        return COLUMNS.contains(name);
    }

    public static Set<String> columnNames() {
        return COLUMNS;
    }

    public String column(String name, Dissection d) {
        StringBuilder sb = new StringBuilder();
        appendColumn(name, d, sb);
        return sb.toString();
    }

    public void appendColumn(String name, Dissection d, StringBuilder sb) {
        switch (name) {
            case "_ws.col.No." -> sb.append(d.frameNumber());
            case "_ws.col.Time" -> appendTime(d, sb);
            case "_ws.col.Source" -> appendAddress(d, sb, true);
            case "_ws.col.Destination" -> appendAddress(d, sb, false);
            case "_ws.col.Protocol" -> sb.append(protocol(d));
            case "_ws.col.Length" -> sb.append(d.originalLength());
            case "_ws.col.Info" -> InfoColumn.append(d, pairs, sb);
            default -> {
            }
        }
    }

    private void appendTime(Dissection d, StringBuilder sb) {
        long rel = d.timestampNanos() - (file.packetCount() > 0 ? file.index().timestampNanos(0) : 0);
        // tshark's default column shows seconds with the file's precision (microseconds for most captures)
        long micros = Math.round(rel / 1000.0);
        sb.append(micros / 1_000_000).append('.');
        String frac = Long.toString(Math.abs(micros % 1_000_000));
        sb.append("0".repeat(6 - frac.length())).append(frac);
    }

    /**
     * The address the last dissected layer set, as Wireshark fills the columns: each Ethernet or IP header overwrites
     * them, so an ARP inside VXLAN shows the inner MACs and an inner IPv4 packet the inner IPs. Headers quoted by an
     * ICMP error do not count.
     */
    public static void appendAddress(Dissection d, StringBuilder sb, boolean source) {
        int a = source ? Ipv4.SRC.id() : Ipv4.DST.id();
        int b = source ? Ipv6.SRC.id() : Ipv6.DST.id();
        int c = source ? Ethernet.SRC.id() : Ethernet.DST.id();
        int e = source ? LinuxCooked.SRC_ETH.id() : -1;
        // the last address outside an ICMP quote wins: searching from the end, the first such one
        for (int i = d.count() - 1; i >= 0; i--) {
            int id = d.fieldId(i);
            if ((id == a || id == b || id == c || id == e) && !inIcmpQuote(d, i)) {
                FieldFormatter.appendValue(d, i, sb);
                return;
            }
        }
    }

    /** True for fields of the packet an ICMP error quotes: they do not set the columns. */
    static boolean inIcmpQuote(Dissection d, int occ) {
        int layer = d.layerOf(occ);
        for (int l = layer - 1; l >= 0; l--) {
            FieldDef p = d.layerProtocol(l);
            if (p == Icmp.PROTO || p == Icmpv6.PROTO) {
                int icmpOcc = d.layerOccurrence(l);
                int t = (int) d.value(d.next(p == Icmp.PROTO ? Icmp.TYPE : Icmpv6.TYPE, icmpOcc));
                return p == Icmp.PROTO ? (t == 3 || t == 4 || t == 5 || t == 11 || t == 12) : t < 128;
            }
        }
        return false;
    }

    /** The Protocol column: the innermost named protocol, upper-cased as Wireshark's short names are. */
    public static String protocol(Dissection d) {
        for (int l = d.layerCount() - 1; l >= 0; l--) {
            int occ = d.layerOccurrence(l);
            FieldDef p = d.field(occ);
            if (p.hidden() || p == Data.PROTO || p == Frame.PROTO || inIcmpQuote(d, occ)) {
                continue;
            }
            return shortName(p);
        }
        return "";
    }

    public static String shortName(FieldDef p) {
        return switch (p.abbrev()) {
            case "eth" -> "Ethernet";
            case "ip" -> "IPv4";
            case "ipv6" -> "IPv6";
            case "icmpv6" -> "ICMPv6";
            case "vlan" -> "802.1Q";
            case "ieee8021ad" -> "802.1ad";
            case "sll" -> "SLL";
            case "null" -> "NULL";
            case "vxlan-gpe" -> "VXLAN-GPE";
            case "data-text-lines", "json", "xml", "urlencoded-form" -> "HTTP";
            case "tls" -> "TLSv1.2";
            case "ssh" -> "SSH";
            default -> p.abbrev().toUpperCase(java.util.Locale.ROOT);
        };
    }

    /** One line of {@code -T text}: No. Time Source Destination Protocol Length Info. */
    public void appendTextLine(Dissection d, StringBuilder sb) {
        int start = sb.length();
        pad(sb, start, 7, Integer.toString(d.frameNumber()), true);
        sb.append(' ');
        StringBuilder t = new StringBuilder();
        appendTime(d, t);
        pad(sb, sb.length(), 12, t.toString(), true);
        sb.append(' ');
        StringBuilder a = new StringBuilder();
        appendAddress(d, a, true);
        pad(sb, sb.length(), 17, a.toString(), true);
        sb.append(" \u2192 ");
        a.setLength(0);
        appendAddress(d, a, false);
        pad(sb, sb.length(), 17, a.toString(), false);
        sb.append(' ');
        pad(sb, sb.length(), 8, protocol(d), false);
        sb.append(' ');
        pad(sb, sb.length(), 5, Integer.toString(d.originalLength()), true);
        sb.append(' ');
        InfoColumn.append(d, pairs, sb);
    }

    private static void pad(StringBuilder sb, int at, int width, String s, boolean right) {
        int fill = Math.max(0, width - s.length());
        if (!right) {
            sb.append(s);
        }
        for (int i = 0; i < fill; i++) {
            sb.append(' ');
        }
        if (right) {
            sb.append(s);
        }
    }
}
