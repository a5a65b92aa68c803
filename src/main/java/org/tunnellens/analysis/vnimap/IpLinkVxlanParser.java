package org.tunnellens.analysis.vnimap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ip -d link show} of Linux vxlan devices: {@code vxlan id N [local A] [remote B | group G] dstport P}. */
public final class IpLinkVxlanParser implements TopologyParser {
    private static final Pattern DEVICE = Pattern.compile("^\\d+:\\s+([^:@\\s]+)[@:]", Pattern.MULTILINE);
    private static final Pattern VXLAN = Pattern.compile("\\bvxlan id (\\d+)([^\\n]*)");

    @Override
    public boolean accepts(String text) {
        return VXLAN.matcher(text).find();
    }

    @Override
    public List<SegmentFact> parse(String text, String source, String host) {
        List<SegmentFact> out = new ArrayList<>();
        Matcher m = VXLAN.matcher(text);
        while (m.find()) {
            String name = null;
            Matcher d = DEVICE.matcher(text.substring(0, m.start()));
            while (d.find()) {
                name = d.group(1);
            }
            String rest = m.group(2);
            String remote = word(rest, "remote");
            out.add(new SegmentFact(source, host, name, Integer.parseInt(m.group(1)), -1,
                    number(word(rest, "dstport"), 8472), word(rest, "local"), remote != null ? remote
                    : word(rest, "group")));
        }
        return out;
    }

    private static String word(String s, String key) {
        Matcher m = Pattern.compile("\\b" + key + " (\\S+)").matcher(s);
        return m.find() ? m.group(1) : null;
    }

    /** Linux's default port when {@code dstport} is absent is the pre-IANA 8472. */
    private static int number(String s, int absent) {
        return s == null ? absent : Integer.parseInt(s);
    }
}
