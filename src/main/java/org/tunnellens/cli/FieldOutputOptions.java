package org.tunnellens.cli;

import java.util.List;

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
                case "occurrence" -> {
                    if (!v.equals("a") && !v.equals("f") && !v.equals("l")) {
                        throw new IllegalArgumentException("invalid -E occurrence \"" + v + "\" (f, l or a)");
                    }
                    occurrence = v.charAt(0);
                }
                case "aggregator" -> aggregator = v.equals("/s") ? " " : v;
                case "quote", "bom", "escape" -> {
                }
                default -> throw new IllegalArgumentException("invalid -E option \"" + o + "\"");
            }
        }
        return new FieldOutputOptions(header, separator, occurrence, aggregator);
    }
}
