package org.tunnellens.filter;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;

/**
 * A test on the occurrences of one field (or of a pseudo-field's fields), with Wireshark's semantics for repeated
 * fields: "any" (a VXLAN packet matches {@code ip.src == X} if the outer or the inner source is X) or "all" (for
 * {@code !=}); a packet without the field never matches a comparison. {@code layer} keeps only the occurrences in
 * the n-th layer of the field's protocol ({@code ip.src#2} is the inner IPv4 source; negative counts from the
 * innermost), 0 for every layer.
 *
 * @param test null for a presence test (the field or protocol name alone)
 */
final class FieldMatcher implements Matcher {
    private final int[] fieldIds;
    /** The one field id when there is one (the common case, checked without a loop), else -1. */
    private final int single;
    private final int protocolId;
    private final int layer;
    private final OccurrenceTest test;
    private final boolean all;

    FieldMatcher(int[] fieldIds, int protocolId, int layer, OccurrenceTest test, boolean all) {
        this.fieldIds = fieldIds.clone();
        this.single = fieldIds.length == 1 ? fieldIds[0] : -1;
        this.protocolId = protocolId;
        this.layer = layer;
        this.test = test;
        this.all = all;
    }

    @Override
    public boolean matches(Dissection d) {
        int n = d.count();
        boolean seen = false;
        for (int occ = 0; occ < n; occ++) {
            int id = d.fieldId(occ);
            if ((single >= 0 ? id != single : !selected(id)) || (layer != 0 && !inLayer(d, occ))) {
                continue;
            }
            if (test == null) {
                return true;
            }
            seen = true;
            boolean ok = test.test(d, occ);
            if (ok && !all) {
                return true;
            }
            if (!ok && all) {
                return false;
            }
        }
        return all && seen;
    }

    private boolean selected(int id) {
        for (int f : fieldIds) {
            if (f == id) {
                return true;
            }
        }
        return false;
    }

    /** Whether the occurrence lies in the requested layer of its protocol, counted outermost first. */
    private boolean inLayer(Dissection d, int occ) {
        int own = d.layerOf(occ);
        int before = 0;
        int total = 0;
        for (int l = 0; l < d.layerCount(); l++) {
            if (d.fieldId(d.layerOccurrence(l)) == protocolId) {
                total++;
                if (l <= own) {
                    before++;
                }
            }
        }
        return layer > 0 ? before == layer : before == total + 1 + layer;
    }

    static int protocolIdOf(FieldDef f) {
        return f.isProtocol() ? f.id() : org.tunnellens.dissect.FieldRegistry.byName(f.protocolName()) == null ? -1
                : org.tunnellens.dissect.FieldRegistry.byName(f.protocolName()).id();
    }
}
