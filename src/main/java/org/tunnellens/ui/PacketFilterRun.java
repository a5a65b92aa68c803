package org.tunnellens.ui;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
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
        PacketDissector dissector = new PacketDissector(file);
        int[] out = new int[Math.min(count, 1 << 16)];
        int n = 0;
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
            }
        }
        return Arrays.copyOf(out, n);
    }
}
