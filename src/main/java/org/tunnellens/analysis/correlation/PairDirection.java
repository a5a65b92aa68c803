package org.tunnellens.analysis.correlation;

/** Which way a paired frame travelled, as seen from the first capture. */
public enum PairDirection {
    /** Inner frame first, then the VXLAN packet leaving this host. */
    ENCAPSULATED("encapsulated", false),
    /** VXLAN packet arriving first, then the inner frame on the bridge. */
    DECAPSULATED("decapsulated", true),
    /** Two underlay captures: sent by the first capture's VTEP. */
    FIRST_TO_SECOND("first-to-second", true),
    /** Two underlay captures: sent by the second capture's VTEP. */
    SECOND_TO_FIRST("second-to-first", false);

    private final String key;
    private final boolean firstCaptureSawItFirst;

    PairDirection(String key, boolean firstCaptureSawItFirst) {
        this.key = key;
        this.firstCaptureSawItFirst = firstCaptureSawItFirst;
    }

    public String key() {
        return key;
    }

    /** True when the frame reached the first capture before the second one. */
    public boolean firstCaptureSawItFirst() {
        return firstCaptureSawItFirst;
    }
}
