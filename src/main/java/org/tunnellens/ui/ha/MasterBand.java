package org.tunnellens.ui.ha;

/**
 * One master period of a virtual router as the timeline draws it.
 *
 * @param colour  index of the router in the chart's legend, so one router has one colour in every lane
 * @param endedBy why the period ended, as the analysis says ("resigned", "yielded", "capture-end"...)
 * @param row     0 normally; 1, 2... for a period that overlaps an earlier one (two masters at once, split brain),
 *                so both stay visible stacked in the lane
 */
public record MasterBand(String router, int priority, long fromNanos, long toNanos, int colour, String endedBy,
                         int adverts, int row) {
    public String label() {
        return router + "  prio " + priority;
    }
}
