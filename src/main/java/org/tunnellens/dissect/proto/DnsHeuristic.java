package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;

/**
 * Wireshark's "DNS over any UDP port" heuristic (dissect_dns_heur, on by default): a standard query with one
 * question and no answers, or a response with at most one question and a few records, long enough for them.
 * With {@code udp.try_heuristic_first} it wins over the port table, which is why tshark names single-question
 * mDNS queries "dns" in such captures.
 */
final class DnsHeuristic {
    private static final int HEADER = 12;
    private static final int MAX_RECORDS = 10;

    private DnsHeuristic() {
    }

    static boolean looksLikeDns(Dissection d, int off, int end) {
        if (end - off <= HEADER) {
            return false;
        }
        int flags = d.u16(off + 2);
        int questions = d.u16(off + 4);
        int answers = d.u16(off + 6);
        int authority = d.u16(off + 8);
        int additional = d.u16(off + 10);
        if (((flags >>> 11) & 0xf) != 0) {
            return false; // only standard queries
        }
        boolean response = (flags & 0x8000) != 0;
        if (!response && (questions != 1 || answers != 0 || authority != 0)) {
            return false;
        }
        if (response && (questions > 1 || answers > MAX_RECORDS || authority > MAX_RECORDS)) {
            return false;
        }
        if (additional > MAX_RECORDS || questions + answers == 0) {
            return false;
        }
        // the smallest question is 6 bytes (root name, type, class), the smallest record 11
        return questions * 6 + (answers + authority + additional) * 11 <= end - off - HEADER;
    }
}
