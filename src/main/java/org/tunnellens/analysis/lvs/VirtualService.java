package org.tunnellens.analysis.lvs;

import java.util.List;

/**
 * One IPVS virtual service (VIP:port) as observed, with its real servers and totals.
 *
 * @param vip             the virtual address, or null when only the server side was captured
 * @param scheduler       "rr", "wrr", "unknown" or "single" (one real server seen), as observed from the order
 * @param schedulerDetail what the observation rests on (the order of real servers)
 */
public record VirtualService(String vip, int port, String protocol, String scheduler, String schedulerDetail,
                             int connections, long packetsIn, long packetsOut, long bytesIn, long bytesOut,
                             List<RealServerStats> realServers) {
}
