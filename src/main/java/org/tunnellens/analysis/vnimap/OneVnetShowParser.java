package org.tunnellens.analysis.vnimap;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OpenNebula's {@code onevnet show}: a {@code VN_MAD vxlan} network's {@code VLAN_ID} is its VNI. */
public final class OneVnetShowParser implements TopologyParser {
    private static final Pattern VLAN = Pattern.compile("(?m)^(?:VLAN ID\\s*:\\s*(\\d+)|VLAN_ID=\"(\\d+)\")");
    private static final Pattern NAME = Pattern.compile("(?m)^NAME\\s*:\\s*(\\S+)");
    private static final Pattern MAD = Pattern.compile("(?m)^VN_MAD(?:\\s*:\\s*|=\")vxlan");

    @Override
    public boolean accepts(String text) {
        return text.contains("VIRTUAL NETWORK") && MAD.matcher(text).find();
    }

    @Override
    public List<SegmentFact> parse(String text, String source, String host) {
        Matcher v = VLAN.matcher(text);
        if (!v.find()) {
            return List.of();
        }
        int vni = Integer.parseInt(v.group(1) != null ? v.group(1) : v.group(2));
        Matcher n = NAME.matcher(text);
        // OpenNebula's vxlan driver sends to 8472 unless :vxlan_port is set in its configuration
        return List.of(new SegmentFact(source, host, n.find() ? n.group(1) : null, vni, -1, -1, null, null));
    }
}
