package org.tunnellens.ui.ha;

import java.util.List;

/**
 * One row of the VRRP timeline: one virtual router (VRID on a segment), its master bands and its events.
 *
 * @param rows how many bands are stacked at most: 2 where two routers were master at once
 */
public record VridLane(int vrid, String segment, String title, List<MasterBand> bands, List<EventMark> marks,
                       int rows) {
}
