package org.tunnellens.analysis.correlation;

/** What the header walk found in one captured packet, as far as pairing cares. */
public enum FrameKind {
    /** An Ethernet (or cooked) frame that carries no VXLAN: a candidate inner frame. */
    PLAIN,
    /** IPv4/UDP/VXLAN carrying a complete-enough inner Ethernet frame. */
    VXLAN,
    /**
     * A piece of a fragmented IPv4 UDP datagram that does not complete it (the frame that completes a VXLAN datagram
     * is {@link #VXLAN}): {@link LocatedFrame#reassembledIn()} names that frame, or is 0 when none does.
     */
    FRAGMENT,
    /** A link type or header the pairing cannot use (too short, unknown link type). */
    UNUSABLE
}
