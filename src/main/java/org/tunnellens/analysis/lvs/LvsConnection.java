package org.tunnellens.analysis.lvs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One client connection through the director: its client-side leg (client to VIP) paired with its server-side
 * leg (client to real server) by client address, port and initial sequence number, which IPVS NAT keeps.
 *
 * @param realServer  the real server the director picked, or null when no capture shows it
 * @param frontFrame  the client's SYN to the VIP, or null if the client side was not captured
 * @param backFrame   the SYN forwarded to the real server, or null if the server side was not captured
 * @param httpStatus  the HTTP status the client got, 0 if none
 * @param outcome     "ok" (handshake completed), "refused" (reset by the server), "no-answer",
 *                    or "bypassed" (the real server answered the client directly, skipping the director)
 */
public record LvsConnection(String client, int clientPort, String vip, int vport, String realServer, int rport,
                            @JsonIgnore long nanos, FrameRef frontFrame, FrameRef backFrame, String httpRequest,
                            int httpStatus, String outcome, int packetsIn, int packetsOut, long bytesIn,
                            long bytesOut) {
    @JsonProperty("time")
    public double time() {
        return nanos / 1e9;
    }
}
