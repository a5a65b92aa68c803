package org.tunnellens.dissect;

import java.util.List;
import org.tunnellens.dissect.column.FieldSelector;

/** Our values for a list of field names, formatted as {@code tshark -T fields -E occurrence=a -E aggregator=,}. */
final class OurFields {
    private final List<String> names;
    private final FieldSelector[] selectors;

    OurFields(List<String> names) {
        this.names = names;
        this.selectors = new FieldSelector[names.size()];
        for (int i = 0; i < selectors.length; i++) {
            selectors[i] = FieldSelector.resolve(names.get(i));
            if (selectors[i] == null) {
                throw new IllegalArgumentException("we do not know the field " + names.get(i));
            }
        }
    }

    String value(Dissection d, int column) {
        return String.join(",", selectors[column].values(d));
    }

    String name(int column) {
        return names.get(column);
    }

    int size() {
        return selectors.length;
    }
}
