package org.tunnellens.analysis.correlation;

/**
 * The offset between the two captures' clocks, as used for pairing.
 *
 * @param nanos   offset added to the second capture's timestamps to put them on the first capture's clock
 * @param samples unambiguous pairs (frames seen once in each capture) the estimate rests on
 * @param method  how it was found: "given", "symmetric" (both directions: NTP's assumption of equal delays),
 *                "one-way" (one direction only: assumes the delay is small), "same-clock" (estimate below the
 *                tolerance), or "none" (no unambiguous pair)
 */
public record ClockOffset(long nanos, int samples, String method, long rawEstimateNanos) {
}
