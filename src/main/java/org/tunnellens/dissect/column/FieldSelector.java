package org.tunnellens.dissect.column;

import java.util.List;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.FieldRegistry;

/**
 * A field name as a user writes it, resolved to the fields it stands for: one registered field, or one of
 * Wireshark's "either end" pseudo-fields ({@code ip.addr} is {@code ip.src} or {@code ip.dst}).
 */
public record FieldSelector(String name, int[] fieldIds) {

    /** Resolves a name, or returns null when no field or pseudo-field has it. */
    public static FieldSelector resolve(String name) {
        FieldDef[] alias = FieldRegistry.alias(name);
        if (alias != null) {
            int[] ids = new int[alias.length];
            for (int i = 0; i < alias.length; i++) {
                ids[i] = alias[i].id();
            }
            return new FieldSelector(name, ids);
        }
        FieldDef f = FieldRegistry.byName(name);
        return f == null ? null : new FieldSelector(name, new int[] {f.id()});
    }

    public static boolean isAlias(String name) {
        return FieldRegistry.alias(name) != null;
    }

    public static java.util.Set<String> aliasNames() {
        return FieldRegistry.aliasNames();
    }

    public boolean matches(int fieldId) {
        for (int id : fieldIds) {
            if (id == fieldId) {
                return true;
            }
        }
        return false;
    }

    /** The first registered field (for type information). */
    public FieldDef field() {
        return FieldRegistry.byId(fieldIds[0]);
    }

    /** Appends every occurrence's value, comma-separated, outermost first, as tshark prints repeated fields. */
    public void appendValues(Dissection d, StringBuilder sb) {
        boolean first = true;
        for (int i = 0; i < d.count(); i++) {
            if (matches(d.fieldId(i))) {
                if (!first) {
                    sb.append(',');
                }
                FieldFormatter.appendValue(d, i, sb);
                first = false;
            }
        }
    }

    public List<String> values(Dissection d) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < d.count(); i++) {
            if (matches(d.fieldId(i))) {
                out.add(FieldFormatter.value(d, i));
            }
        }
        return out;
    }
}
