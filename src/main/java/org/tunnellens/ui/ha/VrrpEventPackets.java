package org.tunnellens.ui.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunnellens.analysis.vrrp.FrameRef;
import org.tunnellens.analysis.vrrp.VrrpAnalysis;
import org.tunnellens.analysis.vrrp.VrrpEvent;
import org.tunnellens.analysis.vrrp.VrrpEventType;

/**
 * The packets behind a VRRP event. A new master announces itself with gratuitous ARPs right after its first
 * advert; the analysis reports that burst as its own event, but a student looking at a takeover wants to see both,
 * so a takeover or pre-emption also brings the GARP burst of the same VRID that starts within one second.
 */
public final class VrrpEventPackets {
    private static final long GARP_WINDOW = 1_000_000_000L;

    private VrrpEventPackets() {
    }

    public static List<CaptureFrames> of(VrrpEvent event, VrrpAnalysis analysis) {
        List<Map.Entry<String, Integer>> refs = new ArrayList<>();
        add(refs, event.packets());
        if (event.type() == VrrpEventType.TAKEOVER || event.type() == VrrpEventType.PREEMPT) {
            for (VrrpEvent g : analysis.events(VrrpEventType.GARP)) {
                long after = g.nanos() - event.nanos();
                if (g.vrid() == event.vrid() && after >= 0 && after <= GARP_WINDOW) {
                    add(refs, g.packets());
                }
            }
        }
        return CaptureFrames.group(refs);
    }

    private static void add(List<Map.Entry<String, Integer>> refs, List<FrameRef> packets) {
        if (packets != null) {
            packets.forEach(p -> refs.add(Map.entry(p.capture(), p.frame())));
        }
    }
}
