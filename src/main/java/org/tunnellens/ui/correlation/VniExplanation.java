package org.tunnellens.ui.correlation;

import java.util.List;
import java.util.stream.Collectors;
import org.tunnellens.analysis.vnimap.VniMapReport;

/**
 * The sentences beside the VNI table for one row. The hex form matters because each tool prints the same number
 * its own way: a student holding the segmentation ID 1010 from OpenStack has to find 0x3f2 in the OVS flows.
 */
public final class VniExplanation {
    private VniExplanation() {
    }

    public static String of(VniMapReport.Row row, List<VniMapReport.Finding> findings, boolean topologyLoaded) {
        int vni = row.vni();
        String hex = row.vniHex();
        StringBuilder sb = new StringBuilder();
        sb.append("VNI ").append(vni).append(" = ").append(hex).append(", as set_tunnel:").append(hex)
                .append(" shows it.\n\n");
        sb.append("Open vSwitch prints the VNI in hex (tun_id=").append(hex)
                .append(" in the flows that receive, set_tunnel:").append(hex)
                .append(" in those that send); OpenStack's segmentation ID, Linux's ip -d link (vxlan id ").append(vni)
                .append(") and OpenNebula's VLAN_ID print it in decimal. On the wire it is the 24-bit field "
                        + "after the VXLAN flags.\n\n");
        VniMapReport.Seen s = row.seen();
        if (s.packets == 0) {
            sb.append("On the wire: never seen in these captures.\n");
        } else {
            sb.append("On the wire: ").append(s.packets).append(" VXLAN packets, UDP ")
                    .append(s.ports.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(", VTEPs ").append(String.join(", ", s.vtepPairs)).append(".\n");
        }
        if (!topologyLoaded) {
            sb.append("Configuration: none loaded. Load openstack network show, ovs-ofctl dump-flows br-tun, "
                    + "ovs-vsctl show, ip -d link show or onevnet show output to check this VNI against it.\n");
        } else if (row.networks().isEmpty() && row.localVlanByHost().isEmpty() && row.expectedVtepPairs().isEmpty()
                && row.configuredPorts().isEmpty()) {
            sb.append("Configuration: no loaded file names this VNI.\n");
        } else {
            sb.append("Configuration:");
            if (!row.networks().isEmpty()) {
                sb.append(" network ").append(String.join(", ", row.networks())).append(";");
            }
            row.localVlanByHost().forEach((host, vlan) -> sb.append(" local VLAN ").append(vlan).append(" on ")
                    .append(host).append(";"));
            if (!row.expectedVtepPairs().isEmpty()) {
                sb.append(" tunnels ").append(String.join(", ", row.expectedVtepPairs())).append(";");
            }
            if (!row.configuredPorts().isEmpty()) {
                sb.append(" UDP ").append(row.configuredPorts().stream().map(String::valueOf)
                        .collect(Collectors.joining(", "))).append(";");
            }
            sb.setLength(sb.length() - 1);
            sb.append(".\n");
        }
        List<VniMapReport.Finding> mine = findings.stream().filter(f -> f.vni() == vni).toList();
        if (mine.isEmpty() && topologyLoaded) {
            sb.append("\nNo mismatch: the wire agrees with the configuration.");
        }
        for (VniMapReport.Finding f : mine) {
            sb.append("\nMismatch (").append(f.kind()).append("): ").append(f.message()).append('.');
        }
        return sb.toString();
    }
}
