package org.tunnellens.analysis.correlation;

/** What the header walk found in one captured packet, as far as pairing cares. */
public enum FrameKind {
    /** An Ethernet (or cooked) frame that carries no VXLAN: a candidate inner frame. */
    PLAIN,
    /** IPv4/UDP/VXLAN carrying a complete-enough inner Ethernet frame. */
    VXLAN,
    /** An IPv4 fragment: what it carries cannot be read without reassembly. */
    FRAGMENT,
    /** A link type or header the pairing cannot use (too short, unknown link type). */
    UNUSABLE
}
