package org.tunnellens.dissect.firstpass;

import java.util.HashMap;
import java.util.Map;

/**
 * The TCP window scale each side announced in its SYN, per TCP stream, so later windows can be shown scaled as
 * Wireshark's "Win=" does: only when both the SYN and the SYN/ACK carried the option, never on a SYN itself.
 */
final class WindowScales {
    /** stream * 2 + side -> announced shift, or -2 for "SYN seen without the option". */
    private final Map<Long, Integer> announced = new HashMap<>();

    /**
     * Records what a segment announces and returns the shift to apply to its own window, or -1.
     *
     * @param side   0 or 1: which end of the connection sent it (the lower address/port end is 0)
     * @param wscale the window scale option's shift, or -1 without one
     */
    int shiftFor(long stream, int side, boolean syn, int wscale) {
        long mine = stream * 2 + side;
        long theirs = stream * 2 + (1 - side);
        if (syn) {
            announced.put(mine, wscale >= 0 ? Math.min(14, wscale) : -2);
            return -1;
        }
        Integer a = announced.get(mine);
        Integer b = announced.get(theirs);
        return a != null && b != null && a >= 0 && b >= 0 ? a : -1;
    }
}
