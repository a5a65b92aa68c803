package org.tunnellens.analysis.correlation;

import java.util.HashMap;
import java.util.Map;

/**
 * The VTEP address a underlay capture was taken on: on a host's own NIC every VXLAN packet has it as source or
 * destination, so it is the address in the most VXLAN packets. 0 when the counts do not tell (no VXLAN, or
 * a unicast tunnel between two hosts only); {@link FrameCorrelator} then infers it from time order.
 */
final class LocalVtep {
    private LocalVtep() {
    }

    static int of(CaptureSide side) {
        Map<Integer, Integer> counts = new HashMap<>();
        int seen = 0;
        // the first few thousand VXLAN packets decide; the address does not change within a capture
        for (int i = 0; i < side.size() && seen < 4096; i++) {
            if (side.state[i] == CaptureSide.CANDIDATE) {
                counts.merge(side.outerSrc[i], 1, Integer::sum);
                if (side.outerDst[i] != side.outerSrc[i]) {
                    counts.merge(side.outerDst[i], 1, Integer::sum);
                }
                seen++;
            }
        }
        int best = 0;
        int bestCount = 0;
        int runnerUp = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                runnerUp = bestCount;
                best = e.getKey();
                bestCount = e.getValue();
            } else if (e.getValue() > runnerUp) {
                runnerUp = e.getValue();
            }
        }
        // a mirror port sees several hosts' tunnels: no single address is in (nearly) all packets; and a tunnel
        // between two hosts only has both addresses in every packet: the counts cannot tell which one is local
        boolean dominant = bestCount * 10 >= seen * 9;
        boolean tied = runnerUp * 10 >= seen * 9;
        return dominant && !tied ? best : 0;
    }
}
