package org.tunnellens.filter;

/** The comparison a filter asks for, with Wireshark's spellings. */
enum Relation {
    EQ, NE, ALL_EQ, ANY_NE, LT, GT, LE, GE, CONTAINS, MATCHES, IN;

    /** The relation a token names, or null. */
    static Relation of(Token t) {
        if (t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.END) {
            return null;
        }
        return switch (t.text()) {
            case "==", "eq", "any_eq" -> EQ;
            case "!=", "ne", "all_ne", "!==" -> NE;
            case "===", "all_eq" -> ALL_EQ;
            case "~=", "any_ne" -> ANY_NE;
            case "<", "lt" -> LT;
            case ">", "gt" -> GT;
            case "<=", "le" -> LE;
            case ">=", "ge" -> GE;
            case "contains" -> CONTAINS;
            case "matches", "~" -> MATCHES;
            case "in" -> IN;
            default -> null;
        };
    }

    /** Relations that need every occurrence to agree ({@code !=} is "all not equal" since Wireshark 3.6). */
    boolean needsAll() {
        return this == NE || this == ALL_EQ;
    }

    /** The per-occurrence test behind NE / ALL_EQ / ANY_NE. */
    Relation perOccurrence() {
        return switch (this) {
            case ALL_EQ -> EQ;
            case ANY_NE -> NE;
            default -> this;
        };
    }

    boolean holds(int cmp) {
        return switch (this) {
            case EQ, ALL_EQ -> cmp == 0;
            case NE, ANY_NE -> cmp != 0;
            case LT -> cmp < 0;
            case GT -> cmp > 0;
            case LE -> cmp <= 0;
            case GE -> cmp >= 0;
            default -> false;
        };
    }
}
