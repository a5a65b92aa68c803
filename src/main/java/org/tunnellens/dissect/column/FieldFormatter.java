package org.tunnellens.dissect.column;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.tunnellens.dissect.Base;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.FieldType;
import org.tunnellens.dissect.Frame;
import org.tunnellens.dissect.Malformed;

/** Prints field values exactly as {@code tshark -T fields} does, and as the detail tree shows them. */
public final class FieldFormatter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The value of an absolute time the packet leaves unset; printed "NULL" as Wireshark does. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private FieldFormatter() {
    }

    /** Appends the tshark {@code -T fields} text of one occurrence. */
    public static void appendValue(Dissection d, int occ, StringBuilder sb) {
        FieldDef f = d.field(occ);
        long v = d.value(occ);
        switch (f.type()) {
            case UINT, INT -> {
                if (f.base() == Base.HEX) {
                    appendHex(sb, v, Math.max(2, (f.bits() + 3) / 4));
                } else {
                    sb.append(v);
                }
            }
            case BOOLEAN -> sb.append(v != 0 ? '1' : '0'); // tshark 4.0's -T fields spelling
            case ETHER -> appendMac(sb, v);
            case IPV4 -> appendIpv4(sb, v);
            case IPV6 -> appendIpv6(d, d.start(occ), sb);
            case BYTES -> appendBytes(d, occ, sb);
            case STRING -> {
                if (f == Frame.PROTOCOLS) {
                    appendProtocols(d, sb);
                } else if (d.text(occ) != null) {
                    sb.append(d.text(occ));
                } else {
                    appendString(d, occ, sb);
                }
            }
            case ABSOLUTE_TIME -> {
                if (v == NO_TIME) {
                    sb.append("NULL"); // a time the packet leaves unset (an NTP timestamp of zero), as tshark says
                } else if (f.base() == Base.DEC) {
                    appendSeconds(sb, v);
                } else {
                    appendDate(sb, v);
                }
            }
            case RELATIVE_TIME -> appendSeconds(sb, v);
            case PROTOCOL -> sb.append(f.abbrev());
            case NONE -> {
            }
        }
    }

    public static String value(Dissection d, int occ) {
        StringBuilder sb = new StringBuilder();
        appendValue(d, occ, sb);
        return sb.toString();
    }

    /** tshark's frame.protocols: the protocol layers, colon-separated, without "frame". */
    public static void appendProtocols(Dissection d, StringBuilder sb) {
        boolean first = true;
        for (int l = 0; l < d.layerCount(); l++) {
            int occ = d.layerOccurrence(l);
            FieldDef p = d.field(occ);
            if (p == Frame.PROTO || (d.flags(occ) & Dissection.FLAG_NOT_LISTED) != 0 || p == Malformed.PROTO
                    || p == Malformed.SHORT) {
                continue;
            }
            if (!first) {
                sb.append(':');
            }
            sb.append(p.abbrev());
            first = false;
        }
    }

    public static void appendHex(StringBuilder sb, long v, int digits) {
        sb.append("0x");
        for (int i = digits - 1; i >= 0; i--) {
            sb.append(HEX[(int) (v >>> (4 * i)) & 0xf]);
        }
    }

    public static void appendMac(StringBuilder sb, long v) {
        for (int i = 5; i >= 0; i--) {
            int b = (int) (v >>> (8 * i)) & 0xff;
            sb.append(HEX[b >>> 4]).append(HEX[b & 0xf]);
            if (i > 0) {
                sb.append(':');
            }
        }
    }

    public static String mac(long v) {
        StringBuilder sb = new StringBuilder(17);
        appendMac(sb, v);
        return sb.toString();
    }

    public static void appendIpv4(StringBuilder sb, long v) {
        sb.append((v >>> 24) & 0xff).append('.').append((v >>> 16) & 0xff).append('.')
                .append((v >>> 8) & 0xff).append('.').append(v & 0xff);
    }

    public static String ipv4(long v) {
        StringBuilder sb = new StringBuilder(15);
        appendIpv4(sb, v);
        return sb.toString();
    }

    /** RFC 5952 text: lower-case hex, leading zeros dropped, the longest run of two or more zero groups as "::". */
    public static void appendIpv6(Dissection d, int off, StringBuilder sb) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = d.u16(off + 2 * i);
        }
        appendIpv6Groups(g, sb);
    }

    public static void appendIpv6Groups(int[] g, StringBuilder sb) {
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen && j - i >= 2) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        // IPv4-mapped and IPv4-compatible forms print their last 32 bits dotted, as Wireshark does
        boolean mapped = bestStart == 0 && bestLen == 5 && g[5] == 0xffff;
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (mapped && i == 6) {
                sb.append(g[6] >>> 8).append('.').append(g[6] & 0xff).append('.').append(g[7] >>> 8).append('.')
                        .append(g[7] & 0xff);
                return;
            }
            if (i > 0 && i != bestStart + bestLen) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
    }

    private static void appendBytes(Dissection d, int occ, StringBuilder sb) {
        int len = d.available(occ);
        for (int i = 0; i < len; i++) {
            int b = d.u8(d.start(occ) + i);
            sb.append(HEX[b >>> 4]).append(HEX[b & 0xf]);
        }
    }

    private static void appendString(Dissection d, int occ, StringBuilder sb) {
        byte[] b = d.bytes(occ);
        String s = new String(b, StandardCharsets.UTF_8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
    }

    /** Seconds with nine decimals, as tshark prints times. */
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofPattern("MMM ppd, yyyy HH:mm:ss", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    /** tshark's absolute time, in UTC: "Nov  4, 2023 22:13:10.000005000 UTC". */
    public static void appendDate(StringBuilder sb, long nanos) {
        long secs = Math.floorDiv(nanos, 1_000_000_000L);
        int frac = (int) Math.floorMod(nanos, 1_000_000_000L);
        DATE.formatTo(java.time.Instant.ofEpochSecond(secs), sb);
        String f = Integer.toString(frac);
        sb.append('.').append("0".repeat(9 - f.length())).append(f).append(" UTC");
    }

    public static void appendSeconds(StringBuilder sb, long nanos) {
        if (nanos < 0) {
            sb.append('-');
            nanos = -nanos;
        }
        sb.append(nanos / 1_000_000_000L).append('.');
        String frac = Long.toString(nanos % 1_000_000_000L);
        for (int i = frac.length(); i < 9; i++) {
            sb.append('0');
        }
        sb.append(frac);
    }

    /** Tree text of one occurrence: "Label: value (name)". */
    public static String treeLine(Dissection d, int occ) {
        FieldDef f = d.field(occ);
        if (f.type() == FieldType.NONE || (f.isProtocol() && d.text(occ) != null)) {
            String t = d.text(occ);
            return t == null ? f.label() : (d.flags(occ) & Dissection.FLAG_GENERATED) != 0 ? "[" + t + "]" : t;
        }
        StringBuilder sb = new StringBuilder(f.label()).append(": ");
        if (f.type() == FieldType.BOOLEAN) {
            sb.append(d.value(occ) != 0 ? "True" : "False"); // the tree says it in words, as Wireshark's does
        } else {
            appendValue(d, occ, sb);
        }
        if (f.names() != null) {
            String n = f.names().apply(d.value(occ));
            if (n != null) {
                sb.append(" (").append(n).append(')');
            }
        }
        if ((d.flags(occ) & Dissection.FLAG_BAD_CHECKSUM) != 0) {
            sb.append(" [incorrect]");
        }
        return (d.flags(occ) & Dissection.FLAG_GENERATED) != 0 ? "[" + sb + "]" : sb.toString();
    }
}
