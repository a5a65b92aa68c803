package org.tunnellens.analysis.vrrp;

import java.util.List;

/** One physical router heard on a virtual router: its address, MAC and what it advertised. */
public record VrrpSpeaker(String ip, String mac, List<Integer> priorities, int adverts, int resignations,
                          int badChecksums, double first, double last) {
}
