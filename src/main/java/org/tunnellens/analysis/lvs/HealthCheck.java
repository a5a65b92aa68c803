package org.tunnellens.analysis.lvs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One health-check connect from the director to a real server (keepalived's TCP_CHECK connects and closes).
 *
 * @param result "connected", "refused" (RST) or "no-answer"
 */
public record HealthCheck(@JsonIgnore long nanos, String checker, String server, int port, boolean ok,
                          String result, FrameRef packet) {
    @JsonProperty("time")
    public double time() {
        return nanos / 1e9;
    }
}
