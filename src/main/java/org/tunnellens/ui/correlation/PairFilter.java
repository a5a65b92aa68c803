package org.tunnellens.ui.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunnellens.analysis.correlation.CorrelationResult;
import org.tunnellens.analysis.correlation.UnpairedFrames;
import org.tunnellens.analysis.correlation.UnpairedReason;

/**
 * Which packets the two lists show: all, only the paired ones, only the unpaired ones, or the unpaired ones of one
 * reason. A reason applies to both lists at once, so "local" shows the bridge-local frames on whichever side has
 * them and leaves the other list empty.
 *
 * @param reason the reason when {@code kind} is {@link Kind#UNPAIRED_BECAUSE}, else null
 */
public record PairFilter(Kind kind, UnpairedReason reason) {
    public enum Kind { ALL, PAIRED, UNPAIRED, UNPAIRED_BECAUSE }

    public static final PairFilter ALL = new PairFilter(Kind.ALL, null);
    public static final PairFilter PAIRED = new PairFilter(Kind.PAIRED, null);
    public static final PairFilter UNPAIRED = new PairFilter(Kind.UNPAIRED, null);

    public static PairFilter because(UnpairedReason r) {
        return new PairFilter(Kind.UNPAIRED_BECAUSE, r);
    }

    /** The choices worth offering for a result: the fixed ones, then each reason that occurs on either side. */
    public static List<PairFilter> choices(CorrelationResult r) {
        List<PairFilter> out = new ArrayList<>(List.of(ALL, PAIRED, UNPAIRED));
        Map<UnpairedReason, Integer> outer = r.unpairedOuter().countByReason();
        Map<UnpairedReason, Integer> inner = r.unpairedInner().countByReason();
        for (UnpairedReason reason : UnpairedReason.values()) {
            if (outer.containsKey(reason) || inner.containsKey(reason)) {
                out.add(because(reason));
            }
        }
        return out;
    }

    /**
     * The 0-based packet indices one list shows, in file order.
     *
     * @param packetCount packets in that capture
     * @param unpaired    that capture's unpaired frames (every other frame is paired)
     */
    public int[] rows(int packetCount, UnpairedFrames unpaired) {
        if (kind == Kind.ALL) {
            int[] all = new int[packetCount];
            for (int i = 0; i < packetCount; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[packetCount];
        int n = 0;
        if (kind == Kind.PAIRED) {
            int next = 0;
            for (int frame = 1; frame <= packetCount; frame++) {
                while (next < unpaired.size() && unpaired.frame(next) < frame) {
                    next++;
                }
                if (next < unpaired.size() && unpaired.frame(next) == frame) {
                    continue;
                }
                out[n++] = frame - 1;
            }
        } else {
            for (int i = 0; i < unpaired.size(); i++) {
                if (kind == Kind.UNPAIRED || unpaired.reason(i) == reason) {
                    out[n++] = unpaired.frame(i) - 1;
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The menu text, with how many packets each side would show. */
    public String label(CorrelationResult r) {
        String name = switch (kind) {
            case ALL -> "All packets";
            case PAIRED -> "Paired only";
            case UNPAIRED -> "Unpaired (any reason)";
            case UNPAIRED_BECAUSE -> "Unpaired: " + reason.key();
        };
        int outer = rows(r.summary().outerPackets(), r.unpairedOuter()).length;
        int inner = rows(r.summary().innerPackets(), r.unpairedInner()).length;
        return name + "  (" + outer + " / " + inner + ")";
    }
}
