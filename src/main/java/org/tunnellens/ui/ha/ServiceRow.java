package org.tunnellens.ui.ha;

/**
 * One line of the service table, laid out as {@code ipvsadm -L -n --stats} prints it: a virtual service line
 * followed by one {@code ->} line per real server.
 *
 * @param address  "TCP  10.20.0.100:80" for a service, "  -> 172.20.0.11:80" for a real server
 * @param method   the scheduler for a service ("rr"), the forwarding method for a real server ("Masq")
 * @param note     the scheduler's evidence, or "sorry server"
 */
public record ServiceRow(boolean service, String address, String method, int connections, long packetsIn,
                         long packetsOut, long bytesIn, long bytesOut, String note) {
}
