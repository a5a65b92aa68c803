package org.tunnellens.analysis.lvs;

/**
 * One line of {@code ipvsadm -L -n --stats} under a virtual service. "In" is client to server as the director
 * sees it; bytes are IP packet lengths, as IPVS counts them.
 *
 * @param forward always "Masq": NAT is the only forwarding method whose traffic the director rewrites
 * @param sorry   true for keepalived's sorry server, which gets connections only while every real server is down
 */
public record RealServerStats(String ip, int port, String forward, int connections, long packetsIn,
                              long packetsOut, long bytesIn, long bytesOut, boolean sorry) {
}
