package org.tunnellens.analysis.vnimap;

/**
 * One thing a configuration text says about a VXLAN segment. Fields a format does not give are null (or -1).
 *
 * @param source    file (and format) the fact comes from, for the report
 * @param host      host the text was taken on, when known (from HOST=FILE, or null)
 * @param network   network name or device name
 * @param vni       segmentation ID / VNI, -1 when the text gives none (an OVS port with key=flow)
 * @param localVlan OVS local VLAN on this host, -1 when none
 * @param udpPort   configured VXLAN destination port, -1 when not given
 * @param localIp   configured local VTEP address, or null
 * @param remoteIp  configured remote VTEP address (or multicast group), or null
 */
public record SegmentFact(String source, String host, String network, int vni, int localVlan, int udpPort,
                          String localIp, String remoteIp) {
}
