package org.tunnellens.filter;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.proto.Tcp;

/**
 * Builds the per-occurrence test for "field relation value", choosing by the field's type how the value is read
 * (number, address, bytes, text). Everything is parsed here, once; the tests only read the dissection.
 */
final class Comparisons {
    private Comparisons() {
    }

    static OccurrenceTest build(FieldDef f, Relation r, Token value) throws FilterException {
        return switch (f.type()) {
            case UINT, INT, BOOLEAN -> number(f, r, LiteralParser.integer(value, f), value);
            case ABSOLUTE_TIME, RELATIVE_TIME -> number(f, r, LiteralParser.seconds(value, f), value);
            case ETHER -> r == Relation.CONTAINS ? bytes(f, r, value) : number(f, r, LiteralParser.mac(value, f), value);
            case IPV4 -> ipv4(f, r, value);
            case IPV6 -> ipv6(f, r, value);
            case BYTES, STRING, PROTOCOL -> bytes(f, r, value);
            case NONE -> throw new FilterException(f.abbrev() + " has no value to compare; use it alone to test"
                    + " that it is present", value.column());
        };
    }

    /** {@code lo..hi} in a set, for numeric fields. */
    static OccurrenceTest range(FieldDef f, Token lo, Token hi) throws FilterException {
        boolean time = f.type() == org.tunnellens.dissect.FieldType.ABSOLUTE_TIME
                || f.type() == org.tunnellens.dissect.FieldType.RELATIVE_TIME;
        boolean integer = f.type() == org.tunnellens.dissect.FieldType.UINT
                || f.type() == org.tunnellens.dissect.FieldType.INT;
        if (!time && !integer) {
            throw new FilterException("ranges (a..b) need a number field, not " + f.abbrev(), lo.column());
        }
        long a = time ? LiteralParser.seconds(lo, f) : LiteralParser.integer(lo, f);
        long b = time ? LiteralParser.seconds(hi, f) : LiteralParser.integer(hi, f);
        return (d, occ) -> d.value(occ) >= a && d.value(occ) <= b;
    }

    private static OccurrenceTest number(FieldDef f, Relation r, long v, Token value) throws FilterException {
        return switch (r) {
            case EQ, ALL_EQ -> (d, occ) -> d.value(occ) == v;
            case NE, ANY_NE -> (d, occ) -> d.value(occ) != v;
            case LT -> (d, occ) -> d.value(occ) < v;
            case GT -> (d, occ) -> d.value(occ) > v;
            case LE -> (d, occ) -> d.value(occ) <= v;
            case GE -> (d, occ) -> d.value(occ) >= v;
            default -> throw new FilterException("\"" + relationText(r) + "\" cannot be used with " + f.abbrev()
                    + " (a number)", value.column());
        };
    }

    private static OccurrenceTest ipv4(FieldDef f, Relation r, Token value) throws FilterException {
        if (r == Relation.CONTAINS || r == Relation.MATCHES) {
            throw new FilterException("\"" + relationText(r) + "\" cannot be used with " + f.abbrev()
                    + " (an IPv4 address)", value.column());
        }
        long[] am = LiteralParser.ipv4(value, f);
        long net = am[0];
        long mask = am[1];
        return (d, occ) -> r.holds(Long.compare(d.value(occ) & mask, net));
    }

    private static OccurrenceTest ipv6(FieldDef f, Relation r, Token value) throws FilterException {
        if (r == Relation.CONTAINS || r == Relation.MATCHES) {
            throw new FilterException("\"" + relationText(r) + "\" cannot be used with " + f.abbrev()
                    + " (an IPv6 address)", value.column());
        }
        long[] a = LiteralParser.ipv6(value, f);
        int prefix = (int) a[2];
        long hiMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
        long loMask = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        long hi = a[0] & hiMask;
        long lo = a[1] & loMask;
        return (d, occ) -> {
            int o = d.start(occ);
            if (o + 16 > d.limit()) {
                return false;
            }
            long h = (d.u32(o) << 32 | d.u32(o + 4)) & hiMask;
            long l = (d.u32(o + 8) << 32 | d.u32(o + 12)) & loMask;
            int cmp = h != hi ? Long.compareUnsigned(h, hi) : Long.compareUnsigned(l, lo);
            return r.holds(cmp);
        };
    }

    private static OccurrenceTest bytes(FieldDef f, Relation r, Token value) throws FilterException {
        if (r == Relation.MATCHES) {
            Pattern p;
            try {
                p = Pattern.compile(value.text(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                throw new FilterException("invalid regular expression: " + e.getDescription(), value.column());
            }
            // a regular expression needs text; this allocates, but only for "matches" filters
            return (d, occ) -> p.matcher(textOf(d, occ)).find();
        }
        boolean text = f.type() == org.tunnellens.dissect.FieldType.STRING;
        byte[] want = text && !value.quoted() && LiteralParser.hexBytes(value.text()) == null
                ? value.text().getBytes(StandardCharsets.UTF_8) : LiteralParser.bytes(value, f);
        String wantText = new String(want, StandardCharsets.UTF_8);
        if (r == Relation.CONTAINS) {
            return (d, occ) -> d.text(occ) != null ? d.text(occ).contains(wantText) : contains(d, occ, want);
        }
        if (r == Relation.IN) {
            throw new IllegalStateException("IN is built by the parser");
        }
        return (d, occ) -> r.holds(d.text(occ) != null ? d.text(occ).compareTo(wantText) : compare(d, occ, want));
    }

    private static String textOf(Dissection d, int occ) {
        if (d.text(occ) != null) {
            return d.text(occ);
        }
        if (d.field(occ).type() == org.tunnellens.dissect.FieldType.STRING) {
            return FieldFormatter.value(d, occ);
        }
        return new String(d.bytes(occ), StandardCharsets.ISO_8859_1);
    }

    private static int visibleLength(Dissection d, int occ) {
        int len = d.length(occ);
        if (d.fieldId(occ) == Tcp.PROTO.id()) {
            // Wireshark's tcp item spans the segment's payload too, so "tcp contains" searches it
            int hdr = d.next(Tcp.HDR_LEN, occ);
            int payload = d.next(Tcp.LEN, occ);
            if (hdr >= 0 && payload >= 0) {
                len = (int) (d.value(hdr) + d.value(payload));
            }
        }
        int end = d.start(occ) >= d.capturedLength() ? d.limit() : d.capturedLength();
        return Math.max(0, Math.min(len, end - d.start(occ)));
    }

    private static boolean contains(Dissection d, int occ, byte[] want) {
        int start = d.start(occ);
        int len = visibleLength(d, occ);
        outer:
        for (int i = 0; i + want.length <= len; i++) {
            for (int j = 0; j < want.length; j++) {
                if ((byte) d.u8(start + i + j) != want[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Unsigned lexicographic comparison of the occurrence's bytes with {@code want}. */
    private static int compare(Dissection d, int occ, byte[] want) {
        int start = d.start(occ);
        int len = visibleLength(d, occ);
        int n = Math.min(len, want.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(d.u8(start + i), want[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(len, want.length);
    }

    static String relationText(Relation r) {
        return switch (r) {
            case EQ -> "==";
            case NE -> "!=";
            case ALL_EQ -> "===";
            case ANY_NE -> "~=";
            case LT -> "<";
            case GT -> ">";
            case LE -> "<=";
            case GE -> ">=";
            case CONTAINS -> "contains";
            case MATCHES -> "matches";
            case IN -> "in";
        };
    }
}
