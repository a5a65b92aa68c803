package org.tunnellens.filter;

import java.math.BigDecimal;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;
import org.tunnellens.dissect.FieldDef;

/** Turns the text of a filter value into what a field of a given type holds. Throws with the value's column. */
final class LiteralParser {
    private LiteralParser() {
    }

    /** An integer (decimal, 0x hex, 0 octal), a boolean word, or one of the field's value names ("request"). */
    static long integer(Token t, FieldDef f) throws FilterException {
        String s = t.text();
        if (!t.quoted()) {
            if (s.equalsIgnoreCase("true")) {
                return 1;
            }
            if (s.equalsIgnoreCase("false")) {
                return 0;
            }
            try {
                if (s.startsWith("0x") || s.startsWith("0X")) {
                    return Long.parseUnsignedLong(s.substring(2), 16);
                }
                if (s.length() > 1 && s.startsWith("0") && s.chars().allMatch(Character::isDigit)) {
                    return Long.parseLong(s.substring(1), 8);
                }
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                // maybe a value name
            }
        }
        LongFunction<String> names = f.names();
        if (names != null) {
            for (long v = 0; v <= 0xffff; v++) {
                String n = names.apply(v);
                if (n != null && n.equalsIgnoreCase(s)) {
                    return v;
                }
            }
        }
        throw new FilterException("\"" + s + "\" is not a valid number for " + f.abbrev(), t.column());
    }

    /** Seconds, possibly fractional, as nanoseconds. */
    static long seconds(Token t, FieldDef f) throws FilterException {
        try {
            return new BigDecimal(t.text()).movePointRight(9).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new FilterException("\"" + t.text() + "\" is not a time in seconds for " + f.abbrev(), t.column());
        }
    }

    /** An IPv4 address with an optional /prefix: {address, mask}. */
    static long[] ipv4(Token t, FieldDef f) throws FilterException {
        String s = t.text();
        int slash = s.indexOf('/');
        int prefix = 32;
        String addr = slash < 0 ? s : s.substring(0, slash);
        try {
            if (slash >= 0) {
                prefix = Integer.parseInt(s.substring(slash + 1));
                if (prefix < 0 || prefix > 32) {
                    throw new NumberFormatException();
                }
            }
            String[] parts = addr.split("\\.", -1);
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            long v = 0;
            for (String p : parts) {
                int b = Integer.parseInt(p);
                if (b < 0 || b > 255 || p.isEmpty() || p.length() > 3) {
                    throw new NumberFormatException();
                }
                v = (v << 8) | b;
            }
            long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
            return new long[] {v & mask, mask};
        } catch (NumberFormatException e) {
            throw new FilterException("\"" + s + "\" is not a valid IPv4 address for " + f.abbrev(), t.column());
        }
    }

    /** An IPv6 address with an optional /prefix: {high 64 bits, low 64 bits, prefix length}. */
    static long[] ipv6(Token t, FieldDef f) throws FilterException {
        String s = t.text();
        int slash = s.indexOf('/');
        try {
            int prefix = slash < 0 ? 128 : Integer.parseInt(s.substring(slash + 1));
            if (prefix < 0 || prefix > 128) {
                throw new IllegalArgumentException();
            }
            InetAddress a = InetAddress.ofLiteral(slash < 0 ? s : s.substring(0, slash));
            if (!(a instanceof Inet6Address)) {
                throw new IllegalArgumentException();
            }
            byte[] b = a.getAddress();
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (b[i] & 0xff);
                lo = (lo << 8) | (b[i + 8] & 0xff);
            }
            return new long[] {hi, lo, prefix};
        } catch (IllegalArgumentException e) {
            throw new FilterException("\"" + s + "\" is not a valid IPv6 address for " + f.abbrev(), t.column());
        }
    }

    /** A MAC address: six hex bytes separated by ':', '-' or '.', or twelve hex digits. */
    static long mac(Token t, FieldDef f) throws FilterException {
        byte[] b = hexBytes(t.text());
        if (b == null || b.length != 6) {
            throw new FilterException("\"" + t.text() + "\" is not a valid MAC address for " + f.abbrev(), t.column());
        }
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xff);
        }
        return v;
    }

    /** Bytes: a quoted string (its UTF-8), hex bytes with separators, or a single byte {@code 0x41}. */
    static byte[] bytes(Token t, FieldDef f) throws FilterException {
        if (t.quoted()) {
            return t.text().getBytes(StandardCharsets.UTF_8);
        }
        String s = t.text();
        if ((s.startsWith("0x") || s.startsWith("0X")) && s.length() <= 4) {
            try {
                return new byte[] {(byte) Integer.parseInt(s.substring(2), 16)};
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        byte[] b = hexBytes(s);
        if (b == null) {
            throw new FilterException("\"" + s + "\" is not a valid byte string for " + f.abbrev()
                    + " (write aa:bb:cc or \"text\")", t.column());
        }
        return b;
    }

    /** "aa:bb:cc", "aa-bb-cc", "aabb.ccdd.eeff" or "aabbcc" as bytes; null when it is not hex. */
    static byte[] hexBytes(String s) {
        String digits;
        if (s.indexOf(':') >= 0 || s.indexOf('-') >= 0) {
            String[] parts = s.split("[:-]", -1);
            StringBuilder sb = new StringBuilder();
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 2) {
                    return null;
                }
                sb.append(p.length() == 1 ? "0" + p : p);
            }
            digits = sb.toString();
        } else {
            digits = s.replace(".", "");
        }
        if (digits.isEmpty() || digits.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(digits.charAt(2 * i), 16);
            int lo = Character.digit(digits.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
