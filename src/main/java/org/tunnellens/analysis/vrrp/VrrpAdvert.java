package org.tunnellens.analysis.vrrp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One VRRP advertisement as seen on the wire, copied out of the reused dissection.
 *
 * @param intervalMillis advert interval: VRRPv2 carries whole seconds, VRRPv3 centiseconds; both kept in ms
 * @param authType       VRRPv2 auth type (0 none, 1 simple text, 2 AH), -1 for VRRPv3 which has none
 * @param authText       the simple-text password, in clear on the wire, or null
 * @param checksum       "good", "bad" or "unverified" (truncated capture)
 */
public record VrrpAdvert(@JsonIgnore long nanos, String segment, String ip, String mac, int version, int vrid,
                         int priority, int intervalMillis, int authType, String authText, List<String> addresses,
                         String checksum, int ttl, FrameRef packet) {

    @JsonProperty("time")
    public double time() {
        return nanos / 1e9;
    }

    /** Priority 0: the master announces it is leaving (keepalived stopping). */
    @JsonIgnore
    public boolean isResignation() {
        return priority == 0;
    }

    /** How long a backup waits before taking over: 3 intervals plus a priority-dependent skew (RFC 5798 6.1). */
    @JsonIgnore
    public long masterDownNanos() {
        long interval = intervalMillis * 1_000_000L;
        return 3 * interval + (256 - Math.max(priority, 1)) * interval / 256;
    }
}
