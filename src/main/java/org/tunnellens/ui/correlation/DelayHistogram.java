package org.tunnellens.ui.correlation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tunnellens.analysis.correlation.PairDirection;
import org.tunnellens.analysis.correlation.PairTable;

/**
 * The pairs' delays counted into equal bins, per direction. The bin width is a 1-2-5 step chosen so the span fits
 * in about {@link #TARGET_BINS} bins: a student reads "most frames take under 5 us" off round bin edges.
 *
 * @param startNanos lower edge of the first bin
 * @param widthNanos width of every bin
 * @param counts     per direction that occurs, one count per bin
 */
public record DelayHistogram(long startNanos, long widthNanos, Map<PairDirection, int[]> counts) {
    static final int TARGET_BINS = 20;

    public static DelayHistogram of(PairTable pairs) {
        if (pairs.size() == 0) {
            return new DelayHistogram(0, 1000, new EnumMap<>(PairDirection.class));
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < pairs.size(); i++) {
            min = Math.min(min, pairs.deltaNanos(i));
            max = Math.max(max, pairs.deltaNanos(i));
        }
        long width = niceWidth((max - min) / TARGET_BINS);
        long start = Math.floorDiv(min, width) * width;
        int bins = (int) (Math.floorDiv(max - start, width) + 1);
        Map<PairDirection, int[]> counts = new EnumMap<>(PairDirection.class);
        for (int i = 0; i < pairs.size(); i++) {
            int[] c = counts.computeIfAbsent(pairs.direction(i), d -> new int[bins]);
            c[(int) Math.floorDiv(pairs.deltaNanos(i) - start, width)]++;
        }
        return new DelayHistogram(start, width, counts);
    }

    /** The smallest of 1, 2, 5 x 10^n microseconds (at least 1 us) not below {@code rough}. */
    static long niceWidth(long roughNanos) {
        long step = 1000;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * step >= roughNanos) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    public int binCount() {
        return counts.values().stream().mapToInt(c -> c.length).max().orElse(0);
    }

    public int total() {
        int n = 0;
        for (int[] c : counts.values()) {
            for (int v : c) {
                n += v;
            }
        }
        return n;
    }

    /** Bin labels as the lower edge in microseconds ("-5", "0", "5" ...). */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < binCount(); b++) {
            out.add(micros(startNanos + b * widthNanos));
        }
        return out;
    }

    static String micros(long nanos) {
        return nanos % 1000 == 0 ? Long.toString(nanos / 1000) : String.format("%.3f", nanos / 1000.0);
    }
}
