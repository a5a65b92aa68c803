package org.tunnellens.analysis.vrrp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One stretch of time during which {@code ip} advertised as master of a virtual router: from its first advert of
 * the stretch to its last (a resignation included).
 *
 * @param endedBy why the stretch ended: "resigned" (priority-0 advert), "silent" (no advert for the master-down
 *                interval), "yielded" (stopped while a better master was advertising), "stopped" (another router
 *                took over more than an interval after its last advert), "priority-change",
 *                or "capture-end" (still master when the capture stops)
 */
public record MasterPeriod(String ip, String mac, int priority, @JsonIgnore long fromNanos, @JsonIgnore long toNanos,
                           int adverts, String endedBy, FrameRef firstPacket, FrameRef lastPacket) {
    @JsonProperty("from")
    public double from() {
        return fromNanos / 1e9;
    }

    @JsonProperty("to")
    public double to() {
        return toNanos / 1e9;
    }

    @JsonProperty("fromFrame")
    public int fromFrame() {
        return firstPacket.frame();
    }

    @JsonProperty("toFrame")
    public int toFrame() {
        return lastPacket.frame();
    }
}
