package org.tunnellens.ui;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.filter.DisplayFilter;

/**
 * Runs a display filter over every packet of a capture and collects the matching packet indices into an int
 * array (no object per packet). Runs on a worker thread with its own dissector.
 */
public final class PacketFilterRun {
    private PacketFilterRun() {
    }

    /** The 0-based indices of matching packets among the first {@code count}; null when cancelled. */
    public static int[] run(CaptureFile file, int count, DisplayFilter filter, IntConsumer progress,
                            BooleanSupplier cancelled) {
        return run(file, count, filter, progress, cancelled, m -> { }, Long.MAX_VALUE);
    }

    /**
     * As {@link #run(CaptureFile, int, DisplayFilter, IntConsumer, BooleanSupplier)}, and while the run lasts,
     * {@code partial} gets a copy of the matches found so far, at most once per {@code partialEveryNanos}, so that
     * a list can show the first matches of a long run (copying is cheap next to dissecting: a few ms per million).
     */
    public static int[] run(CaptureFile file, int count, DisplayFilter filter, IntConsumer progress,
                            BooleanSupplier cancelled, Consumer<int[]> partial, long partialEveryNanos) {
        PacketDissector dissector = new PacketDissector(file, DecodeSettings.current());
        int[] out = new int[Math.min(count, 1 << 16)];
        int n = 0;
        int published = 0;
        long lastPublished = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (filter.matches(dissector.dissect(i))) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, Math.min(count, n * 2));
                }
                out[n++] = i;
            }
            if ((i & 0x3fff) == 0x3fff) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                progress.accept(i + 1);
                long now = System.nanoTime();
                if (n > published && now - lastPublished >= partialEveryNanos) {
                    partial.accept(Arrays.copyOf(out, n));
                    published = n;
                    lastPublished = now;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }
}
