package org.tunnellens.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the packet-details tree, copied out of the reused Dissection so that it outlives the next dissect.
 *
 * @param fieldName the Wireshark filter name ({@code vxlan.vni}), shown on hover
 * @param start     first byte of the field relative to the packet, for the hex highlight
 * @param depth     tunnel depth of the layer the line belongs to: 0 outer, 1 inside the first tunnel
 * @param filter    the display filter that selects packets with this value ({@code vxlan.vni == 320})
 * @param hint      a plain sentence for the tooltip (what a cloud MAC prefix means), or null
 * @param values    for a layer line, its fields' values as tshark prints them (first occurrence of each), which
 *                  the explain texts quote; empty for a field line
 */
public record DetailNode(String label, String fieldName, int start, int length, int depth, boolean layer,
                         String protocol, String filter, String hint, List<DetailNode> children,
                         Map<String, String> values) {

    public DetailNode {
        children = children == null ? new ArrayList<>() : children;
        values = values == null ? new HashMap<>() : values;
    }

    /** True when the byte at {@code offset} lies inside this line's range. */
    public boolean covers(int offset) {
        return length > 0 && offset >= start && offset < start + length;
    }
}
