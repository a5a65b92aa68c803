package org.tunnellens.analysis.vrrp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One event of a virtual router.
 *
 * @param from            the router (IP, or MAC for a GARP) the event moves away from, or that caused it
 * @param to              the router the event moves to (the new master, the VIP a GARP announces)
 * @param durationSeconds failover time for takeovers, overlap for split brain, silence for silent; NaN if none
 * @param packets         the packets behind the event, for a packet list to show
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VrrpEvent(VrrpEventType type, @JsonIgnore long nanos, int vrid, String segment, String from, String to,
                        @JsonIgnore double durationSeconds, String detail, List<FrameRef> packets) {
    @JsonProperty("time")
    public double time() {
        return nanos / 1e9;
    }

    @JsonProperty("duration")
    public Double duration() {
        return Double.isNaN(durationSeconds) ? null : durationSeconds;
    }
}
