package org.tunnellens.filter;

import java.util.ArrayList;
import java.util.List;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.column.FieldSelector;

/**
 * Recursive-descent parser for Wireshark's display-filter language (the subset TunnelLens supports), producing a
 * tree of {@link Matcher}s. Precedence as in Wireshark: {@code not} binds tightest, then {@code and}, then
 * {@code or}.
 */
final class FilterParser {
    private final List<Token> tokens;
    private int pos;

    private FilterParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Matcher parse(String text) throws FilterException {
        FilterParser p = new FilterParser(FilterLexer.tokens(text));
        if (p.peek().kind() == Token.Kind.END) {
            return new LogicalMatchers.All();
        }
        Matcher m = p.or();
        Token t = p.peek();
        if (t.kind() != Token.Kind.END) {
            throw new FilterException(t.is(")") ? "unexpected \")\" (no matching \"(\")"
                    : "unexpected \"" + t.text() + "\" (expected and, or, or the end of the filter)", t.column());
        }
        return m;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean accept(String... words) {
        Token t = peek();
        for (String w : words) {
            if (t.is(w)) {
                pos++;
                return true;
            }
        }
        return false;
    }

    private Matcher or() throws FilterException {
        Matcher m = and();
        while (accept("or", "||")) {
            m = new LogicalMatchers.Or(m, and());
        }
        return m;
    }

    private Matcher and() throws FilterException {
        Matcher m = unary();
        while (accept("and", "&&")) {
            m = new LogicalMatchers.And(m, unary());
        }
        return m;
    }

    private Matcher unary() throws FilterException {
        if (accept("not", "!")) {
            return new LogicalMatchers.Not(unary());
        }
        return primary();
    }

    private Matcher primary() throws FilterException {
        Token t = next();
        if (t.is("(")) {
            Matcher m = or();
            if (!accept(")")) {
                Token bad = peek();
                throw new FilterException(bad.kind() == Token.Kind.END ? "missing \")\" for the \"(\" at column "
                        + t.column() : "unexpected \"" + bad.text() + "\" (expected \")\")", bad.column());
            }
            return m;
        }
        if (t.kind() == Token.Kind.END) {
            throw new FilterException("filter ends where a field name was expected", t.column());
        }
        if (t.kind() != Token.Kind.WORD) {
            throw new FilterException("unexpected \"" + t.text() + "\" (expected a field name)", t.column());
        }
        FieldSelector s = FieldSelector.resolve(t.text());
        if (s == null) {
            throw new FilterException("unknown field \"" + t.text() + "\"", t.column());
        }
        FieldDef f = s.field();
        int layer = 0;
        if (accept("#")) {
            Token n = next();
            try {
                layer = Integer.parseInt(n.text());
            } catch (NumberFormatException e) {
                layer = 0;
            }
            if (n.kind() != Token.Kind.WORD || layer == 0) {
                throw new FilterException("expected a layer number after \"#\" (1 = outermost, 2 = next; -1 ="
                        + " innermost)", n.column());
            }
        }
        if (peek().is("[")) {
            throw new FilterException("slices (field[a:b]) are not supported", peek().column());
        }
        int protocol = FieldMatcher.protocolIdOf(f);
        Token opToken = peek();
        Relation r = Relation.of(opToken);
        if (r == null) {
            return new FieldMatcher(s.fieldIds(), protocol, layer, null, false);
        }
        pos++;
        OccurrenceTest test = r == Relation.IN ? set(f) : Comparisons.build(f, r.perOccurrence(), value(opToken));
        return new FieldMatcher(s.fieldIds(), protocol, layer, test, r.needsAll());
    }

    private Token value(Token op) throws FilterException {
        Token v = next();
        if (v.kind() == Token.Kind.WORD || v.kind() == Token.Kind.STRING) {
            return v;
        }
        throw new FilterException("expected a value after \"" + op.text() + "\"", v.column());
    }

    /** {@code in {80 443 8000..8080}} (commas allowed): any element equal, or within a range. */
    private OccurrenceTest set(FieldDef f) throws FilterException {
        Token open = next();
        if (!open.is("{")) {
            throw new FilterException("expected \"{\" after \"in\"", open.column());
        }
        List<OccurrenceTest> elements = new ArrayList<>();
        while (true) {
            Token t = next();
            if (t.is("}")) {
                break;
            }
            if (t.is(",")) {
                continue;
            }
            if (t.kind() == Token.Kind.END) {
                throw new FilterException("missing \"}\" for the \"{\" at column " + open.column(), t.column());
            }
            if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.STRING) {
                throw new FilterException("unexpected \"" + t.text() + "\" in a set", t.column());
            }
            int dots = t.quoted() ? -1 : t.text().indexOf("..");
            if (dots > 0) {
                Token lo = new Token(Token.Kind.WORD, t.text().substring(0, dots), t.column(), false);
                Token hi = new Token(Token.Kind.WORD, t.text().substring(dots + 2), t.column() + dots + 2, false);
                elements.add(Comparisons.range(f, lo, hi));
            } else {
                elements.add(Comparisons.build(f, Relation.EQ, t));
            }
        }
        if (elements.isEmpty()) {
            throw new FilterException("empty set", open.column());
        }
        OccurrenceTest[] all = elements.toArray(new OccurrenceTest[0]);
        return (Dissection d, int occ) -> {
            for (OccurrenceTest e : all) {
                if (e.test(d, occ)) {
                    return true;
                }
            }
            return false;
        };
    }
}
