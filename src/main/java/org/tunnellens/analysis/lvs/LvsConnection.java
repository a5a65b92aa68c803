package org.tunnellens.analysis.lvs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One client connection through the director: its client-side leg (client to VIP) paired with its server-side
 * leg (client to real server) by client address, port and initial sequence number, which IPVS NAT keeps.
 *
 * @param realServer  the real server the director picked, or null when no capture shows it
 * @param front       the client's SYN to the VIP, or null if the client side was not captured
 * @param back        the SYN forwarded to the real server, or null if the server side was not captured
 * @param httpStatus  the HTTP status the client got, 0 if none
 * @param outcome     "ok" (handshake completed), "refused" (reset by the server), "no-answer",
 *                    or "bypassed" (the real server answered the client directly, skipping the director)
 * @param note        what the outcome rests on when it is not "ok" (the stray reply and the client's reset), or null
 */
public record LvsConnection(String client, int clientPort, String vip, int vport, String realServer, int rport,
                            @JsonIgnore long nanos, @JsonIgnore FrameRef front, @JsonIgnore FrameRef back, String httpRequest,
                            int httpStatus, String outcome, String note, int packetsIn, int packetsOut, long bytesIn,
                            long bytesOut) {
    /** Frame number of the client's SYN to the VIP in {@link #frontCapture()}, or null. */
    @JsonProperty("frontFrame")
    public Integer frontFrame() {
        return front == null ? null : front.frame();
    }

    @JsonProperty("frontCapture")
    public String frontCapture() {
        return front == null ? null : front.capture();
    }

    /** Frame number of the SYN the director forwarded to the real server in {@link #backCapture()}, or null. */
    @JsonProperty("backFrame")
    public Integer backFrame() {
        return back == null ? null : back.frame();
    }

    @JsonProperty("backCapture")
    public String backCapture() {
        return back == null ? null : back.capture();
    }

    @JsonProperty("time")
    public double time() {
        return nanos / 1e9;
    }
}
