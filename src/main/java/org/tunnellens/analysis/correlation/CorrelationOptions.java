package org.tunnellens.analysis.correlation;

import org.tunnellens.dissect.DecodeConfig;

/**
 * Settings of one correlation run.
 *
 * @param decode                  where VXLAN is (its UDP ports, its heuristic on other ports), as the dissector has it
 * @param windowNanos             equal frames pair only when their (clock-corrected) times differ by less
 * @param clockOffsetNanos        added to the second capture's timestamps to put them on the first one's clock
 *                                (the first clock minus the second), or null to estimate it
 * @param sameClockToleranceNanos an estimate smaller than this is taken for one shared clock (offset 0): below
 *                                it, an offset cannot be told apart from the encapsulation or path delay
 * @param underlayMtu             IP MTU of the underlay, to tell frames too big for the tunnel
 */
public record CorrelationOptions(DecodeConfig decode, long windowNanos, Long clockOffsetNanos,
                                 long sameClockToleranceNanos, int underlayMtu) {

    /** VXLAN overhead on IPv4: outer IP 20, UDP 8, VXLAN 8 (the inner Ethernet header counts in the frame). */
    public static final int VXLAN_OVERHEAD = 36;

    public static CorrelationOptions defaults() {
        return new CorrelationOptions(DecodeConfig.defaults(), 100_000_000L, null, 1_000_000L, 1500);
    }

    public CorrelationOptions withClockOffsetNanos(Long offset) {
        return new CorrelationOptions(decode, windowNanos, offset, sameClockToleranceNanos, underlayMtu);
    }

    public CorrelationOptions withWindowNanos(long window) {
        return new CorrelationOptions(decode, window, clockOffsetNanos, sameClockToleranceNanos,
                underlayMtu);
    }

    public CorrelationOptions withDecode(DecodeConfig decode) {
        return new CorrelationOptions(decode, windowNanos, clockOffsetNanos, sameClockToleranceNanos,
                underlayMtu);
    }
}
