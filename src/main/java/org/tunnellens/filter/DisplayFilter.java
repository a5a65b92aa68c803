package org.tunnellens.filter;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldSelector;

/**
 * A compiled Wireshark display filter. Compile once, then test each dissected packet.
 * (First version: a field or protocol name alone. The full language replaces this body, not this API.)
 */
public final class DisplayFilter {
    private final String text;
    private final FieldSelector field;

    private DisplayFilter(String text, FieldSelector field) {
        this.text = text;
        this.field = field;
    }

    public static DisplayFilter compile(String text) throws FilterException {
        String t = text.strip();
        if (t.isEmpty()) {
            return new DisplayFilter(text, null);
        }
        FieldSelector s = FieldSelector.resolve(t);
        if (s == null) {
            throw new FilterException("unknown field \"" + t + "\"", 1 + text.indexOf(t));
        }
        return new DisplayFilter(text, s);
    }

    public boolean matches(Dissection d) {
        if (field == null) {
            return true;
        }
        for (int i = 0; i < d.count(); i++) {
            if (field.matches(d.fieldId(i))) {
                return true;
            }
        }
        return false;
    }

    public String text() {
        return text;
    }
}
