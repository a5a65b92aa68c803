package org.tunnellens.cli;

import java.util.List;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldFormatter;
import org.tunnellens.dissect.FieldSelector;

/** tshark's {@code -E} options for field output. */
record FieldOutputOptions(boolean header, String separator, char occurrence, String aggregator) {

    static FieldOutputOptions parse(List<String> options) {
        boolean header = false;
        String separator = "\t";
        char occurrence = 'a';
        String aggregator = ",";
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("invalid -E option \"" + o + "\" (expected name=value)");
            }
            String k = o.substring(0, eq);
            String v = o.substring(eq + 1);
            switch (k) {
                case "header" -> header = v.equals("y");
                case "separator" -> separator = switch (v) {
                    case "/t" -> "\t";
                    case "/s" -> " ";
                    default -> v;
                };
                case "occurrence" -> occurrence = v.isEmpty() ? 'a' : v.charAt(0);
                case "aggregator" -> aggregator = v.equals("/s") ? " " : v;
                case "quote", "bom", "escape" -> {
                }
                default -> throw new IllegalArgumentException("invalid -E option \"" + o + "\"");
            }
        }
        return new FieldOutputOptions(header, separator, occurrence, aggregator);
    }

    void appendValues(FieldSelector s, Dissection d, StringBuilder sb) {
        int first = -1;
        int last = -1;
        boolean any = false;
        for (int i = 0; i < d.count(); i++) {
            if (!s.matches(d.fieldId(i))) {
                continue;
            }
            if (first < 0) {
                first = i;
            }
            last = i;
            if (occurrence == 'a') {
                if (any) {
                    sb.append(aggregator);
                }
                FieldFormatter.appendValue(d, i, sb);
                any = true;
            }
        }
        if (occurrence == 'f' && first >= 0) {
            FieldFormatter.appendValue(d, first, sb);
        } else if (occurrence == 'l' && last >= 0) {
            FieldFormatter.appendValue(d, last, sb);
        }
    }
}
