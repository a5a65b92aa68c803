package org.tunnellens.filter;

/**
 * One token of a display filter.
 *
 * @param column 1-based column of the token's first character, for error messages
 * @param quoted true for a "double-quoted" string (its text is unescaped)
 */
record Token(Kind kind, String text, int column, boolean quoted) {

    enum Kind {
        /** A field name or an unquoted value: {@code ip.src}, {@code 10.0.0.0/24}, {@code fa:16:3e:00:00:01}. */
        WORD,
        STRING,
        /** Operators and punctuation: {@code == != ~= === < > <= >= ! && || ( ) { } , #}. */
        SYMBOL,
        END
    }

    boolean is(String s) {
        return kind != Kind.STRING && kind != Kind.END && text.equals(s);
    }
}
