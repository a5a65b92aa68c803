package org.tunnellens.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.FieldType;

/** Every field of a packet as JSON arrays keyed by field name (repeated fields keep every value, outermost first). */
final class JsonTree {
    private JsonTree() {
    }

    static void writeAllFields(JsonGenerator g, Dissection d) throws IOException {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (int i = 0; i < d.count(); i++) {
            FieldDef f = d.field(i);
            if (f.type() == FieldType.NONE || f.hidden()) {
                continue;
            }
            byName.computeIfAbsent(f.abbrev(), k -> new java.util.ArrayList<>()).add(FieldFormatter.value(d, i));
        }
        for (Map.Entry<String, List<String>> e : byName.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (String v : e.getValue()) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }
}
