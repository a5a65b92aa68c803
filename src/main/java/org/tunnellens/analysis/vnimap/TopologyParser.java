package org.tunnellens.analysis.vnimap;

import java.util.List;

/** One input format of {@code vni-map --topology}: says whether a text is its format, and reads its facts. */
public interface TopologyParser {
    boolean accepts(String text);

    List<SegmentFact> parse(String text, String source, String host);

    /** The parsers in the order they are tried: the most specific markers first. */
    static List<TopologyParser> all() {
        return List.of(new OpenStackNetworkShowParser(), new OvsOfctlFlowsParser(), new OvsVsctlShowParser(),
                new OneVnetShowParser(), new IpLinkVxlanParser());
    }
}
