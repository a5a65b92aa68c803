package org.tunnellens.ui.ha;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunnellens.analysis.vrrp.MasterPeriod;
import org.tunnellens.analysis.vrrp.VirtualRouter;
import org.tunnellens.analysis.vrrp.VrrpAdvert;
import org.tunnellens.analysis.vrrp.VrrpAnalysis;
import org.tunnellens.analysis.vrrp.VrrpEvent;

/**
 * What the VRRP timeline shows, computed from the analysis without any drawing: one lane per virtual router, the
 * common time span, and one legend colour per router address.
 */
public final class VrrpTimelineModel {
    private final List<VridLane> lanes = new ArrayList<>();
    private final List<String> routers = new ArrayList<>();
    private final TimeScale scale;

    private VrrpTimelineModel(VrrpAnalysis a) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        Map<String, Integer> colours = new LinkedHashMap<>();
        for (VirtualRouter r : a.routers()) {
            List<MasterBand> bands = new ArrayList<>();
            List<Long> rowEnds = new ArrayList<>();
            for (MasterPeriod p : r.masters()) {
                int colour = colours.computeIfAbsent(p.ip(), k -> colours.size());
                int row = 0;
                while (row < rowEnds.size() && rowEnds.get(row) >= p.fromNanos()) {
                    row++;
                }
                if (row == rowEnds.size()) {
                    rowEnds.add(p.toNanos());
                } else {
                    rowEnds.set(row, p.toNanos());
                }
                bands.add(new MasterBand(p.ip(), p.priority(), p.fromNanos(), p.toNanos(), colour, p.endedBy(),
                        p.adverts(), row));
                start = Math.min(start, p.fromNanos());
                end = Math.max(end, p.toNanos());
            }
            for (VrrpAdvert ad : r.adverts()) {
                start = Math.min(start, ad.nanos());
                end = Math.max(end, ad.nanos());
            }
            List<EventMark> marks = new ArrayList<>();
            for (VrrpEvent e : a.events()) {
                if (e.vrid() == r.vrid() && r.segment().equals(e.segment())) {
                    marks.add(new EventMark(e));
                    start = Math.min(start, e.nanos());
                    end = Math.max(end, e.nanos());
                }
            }
            String title = "VRID " + r.vrid() + "  " + r.segment() + "  VRRPv" + r.version()
                    + (r.vips().isEmpty() ? "" : "  VIP " + String.join(" ", r.vips()));
            lanes.add(new VridLane(r.vrid(), r.segment(), title, List.copyOf(bands), List.copyOf(marks),
                    Math.max(1, rowEnds.size())));
        }
        routers.addAll(colours.keySet());
        scale = start == Long.MAX_VALUE ? new TimeScale(0, 0) : new TimeScale(start, end);
    }

    public static VrrpTimelineModel of(VrrpAnalysis a) {
        return new VrrpTimelineModel(a);
    }

    public List<VridLane> lanes() {
        return lanes;
    }

    /** Router addresses in legend order; a band's {@code colour} indexes this list. */
    public List<String> routers() {
        return routers;
    }

    public TimeScale scale() {
        return scale;
    }
}
