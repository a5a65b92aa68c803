package org.tunnellens.analysis.vrrp;

import java.util.List;

/**
 * Everything seen of one VRRP virtual router (one VRID on one segment): who spoke, who was master when, and what
 * looks wrong.
 *
 * @param segment       the capture interface name, or the advertisers' /24 (/64 for IPv6) when the file has none
 * @param authPassword  the VRRPv2 simple-text password, which every advert carries in clear, or null
 * @param warnings      human-readable findings (clear-text password, bad checksums, TTL not 255)
 */
public record VirtualRouter(int vrid, int version, String segment, String family, List<String> vips,
                            double advertInterval, String authType, String authPassword, List<String> warnings,
                            List<VrrpSpeaker> speakers, List<MasterPeriod> masters, List<VrrpAdvert> adverts) {
}
