package org.tunnellens.analysis.lvs;

import java.util.ArrayList;
import java.util.List;

/**
 * One TCP connection as one capture saw it, keyed by its initiator's address, port and initial sequence number:
 * the client side (client to VIP) or the server side (client to real server) of an LVS connection, or a health
 * check. Counters follow ipvsadm: "in" is initiator to server, bytes are IP total lengths.
 */
final class TcpLeg {
    final String capture;
    final String client;
    final int clientPort;
    final String server;
    final int serverPort;
    /** The initiator's initial sequence number (raw), or -1 when the SYN was not captured. */
    final long isn;
    final long synNanos;
    final int synFrame;
    long lastNanos;
    int packetsIn;
    int packetsOut;
    long bytesIn;
    long bytesOut;
    long payloadIn;
    long payloadOut;
    boolean synAck;
    int synAckFrame;
    long synAckNanos;
    boolean resetByServer;
    boolean resetByClient;
    int synRetransmits;
    String httpRequest;
    int httpStatus;
    /** Replies to this leg's client port from an address that is not {@link #server}: replies that skipped NAT. */
    final List<StrayReply> strayReplies = new ArrayList<>();

    /** A SYN/ACK (or other reply) to the client from an unexpected address, with the client's answer to it. */
    record StrayReply(String from, int fromPort, long nanos, int frame, boolean clientReset, int resetFrame) {
    }

    TcpLeg(String capture, String client, int clientPort, String server, int serverPort, long isn, long synNanos,
           int synFrame) {
        this.capture = capture;
        this.client = client;
        this.clientPort = clientPort;
        this.server = server;
        this.serverPort = serverPort;
        this.isn = isn;
        this.synNanos = synNanos;
        this.synFrame = synFrame;
        this.lastNanos = synNanos;
    }

    /** The initiator sent no data: a connect-and-close probe such as keepalived's TCP_CHECK, or a failed connect. */
    boolean noPayload() {
        return payloadIn == 0;
    }

    String key() {
        return client + ":" + clientPort + ">" + server + ":" + serverPort;
    }
}
