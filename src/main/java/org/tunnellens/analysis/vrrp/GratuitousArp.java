package org.tunnellens.analysis.vrrp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An ARP whose sender and target address are the same: a host announcing who owns an address now. */
public record GratuitousArp(@JsonIgnore long nanos, String segment, String ip, String mac, int opcode,
                            FrameRef packet) {
    @JsonProperty("time")
    public double time() {
        return nanos / 1e9;
    }
}
