package org.tunnellens.analysis.lvs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Something that happened to a virtual service.
 *
 * @param type "check-failed" (a real server's first failed check after good ones), "check-ok" (checks pass again),
 *             "server-removed" (no new connections after failed checks), "still-scheduled" (connections kept
 *             going to a server that fails its checks), "sorry-server" (the sorry server took the traffic),
 *             "refused" (the real server reset client connections), "bypass" (a real server answered the client
 *             directly, without the director's un-NAT)
 */
public record LvsEvent(String type, @JsonIgnore long nanos, String service, String server, String detail,
                       List<FrameRef> packets) {
    @JsonProperty("time")
    public double time() {
        return nanos / 1e9;
    }
}
