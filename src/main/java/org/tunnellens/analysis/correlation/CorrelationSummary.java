package org.tunnellens.analysis.correlation;

import java.util.List;
import java.util.Map;

/**
 * The totals of a correlation run.
 *
 * @param delay          time between the two sightings over all pairs (encapsulation + decapsulation, or one-way)
 * @param delayByDirection the same per direction (only directions that occur)
 * @param localVteps     the VTEP address each underlay capture was taken on (the address in most of its VXLAN
 *                       packets), as unsigned 32-bit values; empty when there is none
 * @param vnis           VNIs of the paired frames, ascending
 */
public record CorrelationSummary(CorrelationMode mode, int pairs, int outerPackets, int innerPackets,
                                 Map<UnpairedReason, Integer> unpairedOuter,
                                 Map<UnpairedReason, Integer> unpairedInner, ClockOffset clockOffset,
                                 DelayStats delay, Map<PairDirection, DelayStats> delayByDirection,
                                 List<Integer> localVteps, List<Integer> vnis) {
}
