package org.tunnellens.analysis.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.proto.Http;
import org.tunnellens.dissect.Frame;
import org.tunnellens.dissect.proto.Icmp;
import org.tunnellens.dissect.proto.Icmpv6;

/**
 * Protocol hierarchy statistics as {@code tshark -q -z io,phs} counts them: a tree of protocol paths (the packet's
 * {@code frame.protocols} without tshark's hidden pseudo-protocols), each node with the frames and bytes that
 * reached it. Children keep the order in which they were first seen, as tshark's do.
 */
public final class ProtocolHierarchy {

    /** One protocol at one position of the hierarchy. */
    public static final class Node {
        private final String protocol;
        private long frames;
        private long bytes;
        private final Map<String, Node> children = new LinkedHashMap<>();

        Node(String protocol) {
            this.protocol = protocol;
        }

        public String protocol() {
            return protocol;
        }

        public long frames() {
            return frames;
        }

        public long bytes() {
            return bytes;
        }

        public List<Node> children() {
            return new ArrayList<>(children.values());
        }
    }

    private final Node root = new Node("frame");

    public void add(Dissection d) {
        Node n = root;
        n.frames++;
        n.bytes += d.originalLength();
        for (int l = 0; l < d.layerCount(); l++) {
            int occ = d.layerOccurrence(l);
            FieldDef p = d.field(occ);
            if (p == Frame.PROTO || p.hidden()) {
                continue;
            }
            String name = p.abbrev();
            if (d.length(occ) == 0 && name.equals(n.protocol)) {
                continue; // a protocol item repeated empty for frame.protocols' sake (tshark's "igmp:igmp")
            }
            if ((d.flags(occ) & Dissection.FLAG_NOT_LISTED) != 0) {
                // tshark leaves VXLAN-GPE out of frame.protocols but counts it here under the VXLAN item it sits in
                if (!name.equals("vxlan-gpe")) {
                    continue;
                }
                name = "vxlan";
            }
            n = n.children.computeIfAbsent(name, Node::new);
            n.frames++;
            n.bytes += d.originalLength();
            if (p == Icmp.PROTO || p == Icmpv6.PROTO || p == Http.PROTO) {
                // what follows (an echo's data, a quoted packet, an HTTP body) sits inside this protocol's item in
                // Wireshark's tree, and io,phs only counts top-level items
                return;
            }
        }
    }

    /** The top-level protocols (link layers). */
    public List<Node> roots() {
        return root.children();
    }

    /** The same text tshark prints for {@code -q -z io,phs}. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        String rule = "=".repeat(67);
        sb.append('\n').append(rule).append("\nProtocol Hierarchy Statistics\nFilter: \n\n");
        for (Node n : root.children.values()) {
            appendNode(sb, n, 0);
        }
        sb.append(rule).append('\n');
        return sb.toString();
    }

    private static void appendNode(StringBuilder sb, Node n, int depth) {
        int start = sb.length();
        sb.append("  ".repeat(depth)).append(n.protocol);
        while (sb.length() - start < 41) {
            sb.append(' ');
        }
        sb.append("frames:").append(n.frames).append(" bytes:").append(n.bytes).append('\n');
        for (Node c : n.children.values()) {
            appendNode(sb, c, depth + 1);
        }
    }

    /** JSON-ready form: a list of {protocol, frames, bytes, children}. */
    public List<Map<String, Object>> toJson() {
        return json(root);
    }

    private static List<Map<String, Object>> json(Node parent) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node n : parent.children.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("protocol", n.protocol);
            m.put("frames", n.frames);
            m.put("bytes", n.bytes);
            m.put("children", json(n));
            out.add(m);
        }
        return out;
    }
}
