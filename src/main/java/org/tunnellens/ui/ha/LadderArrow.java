package org.tunnellens.ui.ha;

/**
 * One arrow of an LVS-NAT ladder: a packet (or the packets of one direction) on one segment, labelled with the
 * addresses exactly as they are on that wire.
 *
 * @param segment   "front" (client side of the director) or "back" (real-server side)
 * @param source    source address:port on this segment
 * @param target    destination address:port on this segment
 * @param rewritten which end the director changed on its way to this segment: SOURCE, TARGET or NONE
 * @param caption   what the packets are (SYN, GET /x, 200, RST ...)
 * @param frame     the capture and frame that shows it ("client-eth0.pcap#3"), or null when not captured
 * @param stray     true for a reply that skipped the director (a bypass): drawn as a warning
 */
public record LadderArrow(LadderColumn from, LadderColumn to, String segment, String source, String target,
                          Rewrite rewritten, String caption, String frame, boolean stray) {

    /** Which address of the packet the director's NAT rewrote. */
    public enum Rewrite { NONE, SOURCE, TARGET }

    public String addresses() {
        return source + " \u2192 " + target;
    }
}
