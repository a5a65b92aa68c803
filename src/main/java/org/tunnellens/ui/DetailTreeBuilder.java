package org.tunnellens.ui;

import java.util.ArrayList;
import java.util.List;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.FieldType;

/**
 * Turns a Dissection into the details tree: one root per layer (outer Ethernet, outer IP, UDP, VXLAN, inner
 * Ethernet...), each field under its layer or under the field it belongs to (a flag under its flags word).
 */
public final class DetailTreeBuilder {
    private final MacAnnotator macs;
    private boolean rawAddresses;

    public DetailTreeBuilder(MacAnnotator macs) {
        this.macs = macs;
    }

    /** With raw addresses on, MACs are printed as bytes, as Wireshark's "resolve physical addresses" off. */
    public void setRawAddresses(boolean raw) {
        this.rawAddresses = raw;
    }

    public List<DetailNode> build(Dissection d) {
        int n = d.count();
        DetailNode[] nodes = new DetailNode[n];
        List<DetailNode> roots = new ArrayList<>();
        for (int occ = 0; occ < n; occ++) {
            int layer = d.layerOf(occ);
            boolean isLayer = layer >= 0 && d.layerOccurrence(layer) == occ;
            int depth = layer >= 0 ? d.layerDepth(layer) : 0;
            FieldDef f = d.field(occ);
            String protocol = layer >= 0 ? d.layerProtocol(layer).abbrev() : f.protocolName();
            DetailNode node = isLayer ? layerNode(d, occ, depth, protocol) : fieldNode(d, occ, depth, protocol);
            nodes[occ] = node;
            if (!isLayer && layer >= 0 && nodes[d.layerOccurrence(layer)] != null) {
                nodes[d.layerOccurrence(layer)].values().putIfAbsent(f.abbrev(), FieldFormatter.value(d, occ));
            }
            if (isLayer) {
                if (!f.hidden()) {
                    // hidden pseudo-layers (tshark's "ethertype") are for frame.protocols, not for reading
                    roots.add(node);
                }
                continue;
            }
            int parent = d.parent(occ) >= 0 ? d.parent(occ) : layer >= 0 ? d.layerOccurrence(layer) : -1;
            if (parent >= 0 && parent < occ && nodes[parent] != null) {
                nodes[parent].children().add(node);
            } else {
                roots.add(node);
            }
        }
        return roots;
    }

    private DetailNode layerNode(Dissection d, int occ, int depth, String protocol) {
        FieldDef f = d.field(occ);
        StringBuilder label = new StringBuilder(f.label());
        if (depth > 0) {
            label.append("  [inner").append(depth > 1 ? " " + depth : "").append(']');
        }
        if ((d.flags(occ) & Dissection.FLAG_MALFORMED) != 0) {
            label.append("  [Malformed: packet ends inside this header]");
        }
        return new DetailNode(label.toString(), f.abbrev(), d.start(occ), d.length(occ), depth, true, protocol,
                f.abbrev(), null, null, null);
    }

    private DetailNode fieldNode(Dissection d, int occ, int depth, String protocol) {
        FieldDef f = d.field(occ);
        String label = FieldFormatter.treeLine(d, occ);
        String hint = null;
        if (f.type() == FieldType.ETHER && !rawAddresses) {
            MacAnnotation a = macs.annotate(d.value(occ));
            String plain = FieldFormatter.mac(d.value(occ));
            if (!a.display().equals(plain)) {
                label = f.label() + ": " + a.display() + " (" + plain + ")";
            }
            hint = a.explanation();
        }
        return new DetailNode(label, f.abbrev(), d.start(occ), d.length(occ), depth, false, protocol,
                filterFor(d, occ), hint, null, null);
    }

    /** The display filter Wireshark's "Apply as Filter" builds for a field. */
    static String filterFor(Dissection d, int occ) {
        FieldDef f = d.field(occ);
        return switch (f.type()) {
            case PROTOCOL, NONE -> f.abbrev();
            case STRING -> f.abbrev() + " == \"" + FieldFormatter.value(d, occ).replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"";
            case BOOLEAN -> f.abbrev() + " == " + (d.value(occ) != 0 ? 1 : 0);
            default -> f.abbrev() + " == " + FieldFormatter.value(d, occ);
        };
    }
}
