package org.tunnellens.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits a display filter into tokens, remembering where each starts so errors can point at it. */
final class FilterLexer {
    private static final String[] SYMBOLS = {"===", "!==", "==", "!=", "~=", "<=", ">=", "&&", "||", "<", ">", "!",
        "(", ")", "{", "}", ",", "#", "[", "]"};

    private FilterLexer() {
    }

    static List<Token> tokens(String text) throws FilterException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '"') {
                i = string(text, i, out);
                continue;
            }
            String sym = symbolAt(text, i);
            if (sym != null) {
                out.add(new Token(Token.Kind.SYMBOL, sym, i + 1, false));
                i += sym.length();
                continue;
            }
            if (isWordChar(c)) {
                int start = i;
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                out.add(new Token(Token.Kind.WORD, text.substring(start, i), start + 1, false));
                continue;
            }
            throw new FilterException("unexpected character '" + c + "'", i + 1);
        }
        out.add(new Token(Token.Kind.END, "", n + 1, false));
        return out;
    }

    private static String symbolAt(String text, int i) {
        for (String s : SYMBOLS) {
            if (text.startsWith(s, i)) {
                return s;
            }
        }
        return null;
    }

    /** Field names and unquoted values share one alphabet (dots for names and IPv4, colons for MAC and IPv6). */
    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == ':' || c == '/' || c == '+';
    }

    private static int string(String text, int start, List<Token> out) throws FilterException {
        StringBuilder sb = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                out.add(new Token(Token.Kind.STRING, sb.toString(), start + 1, true));
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length()) {
                char e = text.charAt(i + 1);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'x' -> {
                        if (i + 4 > text.length()) {
                            throw new FilterException("invalid \\x escape in string", i + 1);
                        }
                        try {
                            sb.append((char) Integer.parseInt(text.substring(i + 2, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new FilterException("invalid \\x escape in string", i + 1);
                        }
                        i += 2;
                    }
                    default -> sb.append(e);
                }
                i += 2;
                continue;
            }
            sb.append(c);
            i++;
        }
        throw new FilterException("string is not closed (missing '\"')", start + 1);
    }
}
