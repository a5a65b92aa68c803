package org.tunnellens.analysis.vnimap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ovs-vsctl show}: each {@code type: vxlan} interface's options (local_ip, remote_ip, key, dst_port). */
public final class OvsVsctlShowParser implements TopologyParser {
    private static final Pattern IFACE = Pattern.compile(
            "Interface\\s+\"?([\\w.-]+)\"?\\s+type:\\s+vxlan\\s+options:\\s+\\{([^}]*)}");

    @Override
    public boolean accepts(String text) {
        return text.contains("type: vxlan") && text.contains("options:");
    }

    @Override
    public List<SegmentFact> parse(String text, String source, String host) {
        List<SegmentFact> out = new ArrayList<>();
        Matcher m = IFACE.matcher(text);
        while (m.find()) {
            String opts = m.group(2);
            String key = opt(opts, "key");
            if (key == null) {
                key = opt(opts, "in_key");
            }
            int vni = key == null || key.equals("flow") ? -1 : (int) Long.decode(key).longValue();
            String port = opt(opts, "dst_port");
            // OVS sends VXLAN to the IANA port unless dst_port says otherwise
            out.add(new SegmentFact(source, host, m.group(1), vni, -1, port == null ? 4789 : Integer.parseInt(port),
                    opt(opts, "local_ip"), opt(opts, "remote_ip")));
        }
        return out;
    }

    private static String opt(String opts, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"?([^\",}\\s]+)\"?").matcher(opts);
        return m.find() ? m.group(1) : null;
    }
}
