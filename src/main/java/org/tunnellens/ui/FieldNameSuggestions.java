package org.tunnellens.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.FieldRegistry;
import org.tunnellens.dissect.column.FieldSelector;

/**
 * Completions for the filter bar: the word being typed (the last run of name characters) completed to field and
 * protocol names from the registry, each suggestion being the whole filter text with that word replaced.
 */
public final class FieldNameSuggestions {
    static final int MAX = 30;
    private final TreeSet<String> names = new TreeSet<>();

    public FieldNameSuggestions() {
        for (FieldDef f : FieldRegistry.all()) {
            if (!f.abbrev().startsWith("_")) {
                names.add(f.abbrev());
            }
        }
        names.addAll(FieldSelector.aliasNames());
    }

    public List<String> complete(String text) {
        int start = text.length();
        while (start > 0 && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start);
        if (word.isEmpty()) {
            return List.of();
        }
        String before = text.substring(0, start);
        List<String> out = new ArrayList<>();
        for (String n : names.tailSet(word)) {
            if (!n.startsWith(word) || out.size() == MAX) {
                break;
            }
            if (!n.equals(word)) {
                out.add(before + n);
            }
        }
        return out;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }
}
