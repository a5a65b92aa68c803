package org.tunnellens.analysis.correlation;

/** What the two captures are, as told by their contents. */
public enum CorrelationMode {
    /** Underlay capture (VXLAN) and a bridge / tunnel device / tap capture (plain Ethernet). */
    OUTER_INNER("outer-inner"),
    /** Two underlay captures, one at each end of the tunnel. */
    OUTER_OUTER("outer-outer"),
    /** One capture holding both sightings (an {@code any} capture, or a pcapng of several interfaces). */
    SINGLE_CAPTURE("single-capture");

    private final String key;

    CorrelationMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
