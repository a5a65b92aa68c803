package org.tunnellens.analysis.correlation;

/** Why a packet found no partner in the other capture, most specific first. */
public enum UnpairedReason {
    LOCAL("local", "local to the bridge: neither MAC ever crosses the tunnel"),
    NOT_VXLAN("not-vxlan", "not VXLAN"),
    /** Not a problem: the frame that completes the datagram carries the inner frame and pairs for all its pieces. */
    FRAGMENT("fragment", "outer IPv4 fragment of a datagram reassembled in a later frame"),
    OUTSIDE_TIME_SPAN("outside-time-span", "outside the other capture's time span"),
    TRUNCATED("truncated", "truncated by the snapshot length"),
    TOO_BIG("too-big", "too big for the tunnel: dropped, or outer IP fragments of a datagram missing a piece"),
    OTHER_VNI("other-vni", "VXLAN of a VNI the other capture never shows"),
    UNUSABLE("unusable", "no Ethernet frame to compare (link type, length, or a tunnel packet on the inner side)"),
    LOST("lost", "not in the other capture: lost or filtered");

    private final String key;
    private final String description;

    UnpairedReason(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The JSON value. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }
}
