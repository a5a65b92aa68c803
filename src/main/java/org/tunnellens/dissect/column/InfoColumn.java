package org.tunnellens.dissect.column;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.PassResults;

/**
 * Wireshark's Info column: the text of the innermost layer whose protocol has one (each protocol writes its own,
 * as a dissector's {@code col_add_fstr} does), then "[Malformed Packet]" when a layer was cut short. Layers an ICMP
 * error quotes do not speak. Texts follow Wireshark 4.0 (padding included) so students can compare line by line.
 */
public final class InfoColumn {
    private InfoColumn() {
    }

    /** The Info text without the first pass (a one-pass view, like tshark without -2). */
    public static String info(Dissection d) {
        return info(d, PassResults.NONE);
    }

    /** The Info text, with "(reply in N)" and scaled TCP windows from the first pass. */
    public static String info(Dissection d, PassResults pass) {
        StringBuilder sb = new StringBuilder();
        append(d, pass, sb);
        return sb.toString();
    }

    public static void append(Dissection d, PassResults pass, StringBuilder sb) {
        for (int l = d.layerCount() - 1; l >= 0; l--) {
            int occ = d.layerOccurrence(l);
            if (!d.quoted(occ) && d.layerOwner(l).appendInfo(d, occ, pass, sb)) {
                break;
            }
        }
        if (malformed(d)) {
            sb.append("[Malformed Packet]");
        }
    }

    private static boolean malformed(Dissection d) {
        for (int l = 0; l < d.layerCount(); l++) {
            int occ = d.layerOccurrence(l);
            int f = d.flags(occ);
            if ((f & Dissection.FLAG_MALFORMED) != 0 && (f & Dissection.FLAG_EXPERT_ONLY) == 0) {
                return true;
            }
        }
        return false;
    }
}
