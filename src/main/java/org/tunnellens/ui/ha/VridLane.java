package org.tunnellens.ui.ha;

import java.util.List;

/** One row of the VRRP timeline: one virtual router (VRID on a segment), its master bands and its events. */
public record VridLane(int vrid, String segment, String title, List<MasterBand> bands, List<EventMark> marks) {
}
