package org.tunnellens.analysis.vnimap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-ofctl dump-flows br-tun}: {@code tun_id=0x..} matched into {@code mod_vlan_vid:N} gives the VNI and
 * this host's local VLAN; {@code set_tunnel:0x..} (or {@code load:0x..->NXM_NX_TUN_ID[]}) the VNI sent.
 */
public final class OvsOfctlFlowsParser implements TopologyParser {
    private static final Pattern IN = Pattern.compile("tun_id=(0x[0-9a-fA-F]+|\\d+)\\S*\\s+actions=mod_vlan_vid:(\\d+)");
    private static final Pattern OUT = Pattern.compile("dl_vlan=(\\d+)\\S*\\s+actions=\\S*?(?:set_tunnel:|load:)(0x[0-9a-fA-F]+)");

    @Override
    public boolean accepts(String text) {
        return text.contains("actions=") && (text.contains("tun_id=") || text.contains("set_tunnel:"));
    }

    @Override
    public List<SegmentFact> parse(String text, String source, String host) {
        List<SegmentFact> out = new ArrayList<>();
        Matcher m = IN.matcher(text);
        while (m.find()) {
            out.add(new SegmentFact(source, host, null, (int) Long.decode(m.group(1)).longValue(),
                    Integer.parseInt(m.group(2)), -1, null, null));
        }
        Matcher o = OUT.matcher(text);
        while (o.find()) {
            out.add(new SegmentFact(source, host, null, (int) Long.decode(o.group(2)).longValue(),
                    Integer.parseInt(o.group(1)), -1, null, null));
        }
        return out;
    }
}
