package org.tunnellens.ui.ha;

/** Maps capture time onto a horizontal extent: the whole span from the first to the last thing drawn. */
public record TimeScale(long startNanos, long endNanos) {
    public TimeScale {
        if (endNanos <= startNanos) {
            // a single instant still needs a width to draw on
            endNanos = startNanos + 1_000_000_000L;
        }
    }

    /** Where {@code nanos} falls between start (0) and end (1), clamped. */
    public double fraction(long nanos) {
        double f = (double) (nanos - startNanos) / (endNanos - startNanos);
        return Math.max(0, Math.min(1, f));
    }

    public double x(long nanos, double left, double width) {
        return left + fraction(nanos) * width;
    }

    public long nanosAt(double x, double left, double width) {
        double f = width <= 0 ? 0 : (x - left) / width;
        return startNanos + Math.round(f * (endNanos - startNanos));
    }

    /** A tick spacing of 1, 2, 5, 10, 15, 30 s or minutes that gives about {@code wanted} ticks. */
    public long tickNanos(int wanted) {
        long span = endNanos - startNanos;
        long[] steps = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};
        for (long s : steps) {
            if (span / (s * 1_000_000_000L) <= wanted) {
                return s * 1_000_000_000L;
            }
        }
        return 3600L * 1_000_000_000L * Math.max(1, span / (3600L * 1_000_000_000L * wanted));
    }
}
