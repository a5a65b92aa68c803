package org.tunnellens.dissect.column;

import java.util.Set;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.PassResults;

/**
 * The packet-list columns as Wireshark fills them: Source, Destination and Protocol of the innermost layer that
 * sets them, and the Info text. The columns are also fields ({@code _ws.col.Info}), as in tshark.
 */
public final class PacketSummary {
    private static final Set<String> COLUMNS = Set.of("_ws.col.No.", "_ws.col.Time", "_ws.col.Source",
            "_ws.col.Destination", "_ws.col.Protocol", "_ws.col.Length", "_ws.col.Info");

    private final CaptureFile file;
    private final PassResults pass;

    public PacketSummary(CaptureFile file) {
        this(file, PassResults.NONE);
    }

    /** With the first pass's findings, so Info says "(reply in N)" as tshark -2 does. */
    public PacketSummary(CaptureFile file, PassResults pass) {
        this.file = file;
        this.pass = pass;
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
            case "_ws.col.Info" -> InfoColumn.append(d, pass, sb);
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
     * them (its address fields are declared as filling the Source or Destination column), so an ARP inside VXLAN
     * shows the inner MACs and an inner IPv4 packet the inner IPs. Headers quoted by an ICMP error do not count.
     */
    public static void appendAddress(Dissection d, StringBuilder sb, boolean source) {
        FieldDef.ColumnRole role = source ? FieldDef.ColumnRole.SOURCE : FieldDef.ColumnRole.DESTINATION;
        for (int i = d.count() - 1; i >= 0; i--) {
            if (d.field(i).role() == role && !d.quoted(i)) {
                FieldFormatter.appendValue(d, i, sb);
                return;
            }
        }
    }

    /** The Protocol column: the innermost layer whose protocol names it ("IPv4", "VXLAN", "TLSv1.2"). */
    public static String protocol(Dissection d) {
        for (int l = d.layerCount() - 1; l >= 0; l--) {
            int occ = d.layerOccurrence(l);
            if (d.layerProtocol(l).hidden() || d.quoted(occ)) {
                continue;
            }
            String name = d.layerOwner(l).columnName(d, occ);
            if (name != null) {
                return name;
            }
        }
        return "";
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
        InfoColumn.append(d, pass, sb);
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
