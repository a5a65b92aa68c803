package org.tunnellens.analysis.correlation;

import java.util.Arrays;

/** Minimum, median, 99th percentile and maximum of a set of delays, in nanoseconds; all 0 when count is 0. */
public record DelayStats(int count, long minNanos, long medianNanos, long p99Nanos, long maxNanos) {

    public static DelayStats of(long[] values, int count) {
        if (count == 0) {
            return new DelayStats(0, 0, 0, 0, 0);
        }
        long[] v = Arrays.copyOf(values, count);
        Arrays.sort(v);
        return new DelayStats(count, v[0], percentile(v, 50), percentile(v, 99), v[count - 1]);
    }

    /** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Median for the clock-offset estimate: the mean of the middle two of an even count. */
    static long median(long[] values, int count) {
        long[] v = Arrays.copyOf(values, count);
        Arrays.sort(v);
        return count % 2 == 1 ? v[count / 2] : Math.floorDiv(v[count / 2 - 1] + v[count / 2], 2);
    }
}
