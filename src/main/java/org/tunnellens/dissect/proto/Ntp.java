package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.column.FieldFormatter;

/**
 * NTP (RFC 5905) on UDP 123: the 48-byte header of a client, server, broadcast or symmetric packet. A VM's clock
 * asks its hypervisor or a pool; control (mode 6) and private (mode 7) messages show their flags only.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |LI | VN  |Mode |    Stratum    |     Poll      |   Precision   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Root Delay                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Root Dispersion                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Reference ID                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Reference Timestamp (64)                  |
 * |                     Origin Timestamp (64)                     |
 * |                     Receive Timestamp (64)                    |
 * |                     Transmit Timestamp (64)                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Timestamps are seconds since 1900 and a 32-bit binary fraction; zero means "not set" (tshark prints NULL).
 */
public final class Ntp extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("ntp", "Network Time Protocol");
    public static final FieldDef FLAGS = F.hex("ntp.flags", "Flags", 8);
    public static final FieldDef LI = F.uint("ntp.flags.li", "Leap Indicator", Ntp::leapName).mask(0xc0);
    public static final FieldDef VN = F.uint("ntp.flags.vn", "Version number", Ntp::versionName).mask(0x38);
    public static final FieldDef MODE = F.uint("ntp.flags.mode", "Mode", Ntp::modeName).mask(0x07);
    public static final FieldDef STRATUM = F.uint("ntp.stratum", "Peer Clock Stratum", Ntp::stratumName);
    public static final FieldDef PPOLL = F.uint("ntp.ppoll", "Peer Polling Interval")
            .describe("log2 of the seconds between polls (10 is 1024 s)");
    public static final FieldDef PRECISION = F.uint("ntp.precision", "Peer Clock Precision")
            .describe("log2 of the clock's precision in seconds, as a signed byte (-20 is about a microsecond)");
    public static final FieldDef ROOTDELAY = F.uint("ntp.rootdelay", "Root Delay")
            .describe("round-trip delay to the reference clock, in 1/65536 s");
    public static final FieldDef ROOTDISPERSION = F.uint("ntp.rootdispersion", "Root Dispersion")
            .describe("error bound to the reference clock, in 1/65536 s");
    public static final FieldDef REFID = F.bytes("ntp.refid", "Reference ID")
            .describe("the server's own source: an IPv4 address for stratum 2 and above, four letters at stratum 1");
    public static final FieldDef REFTIME = F.absoluteTime("ntp.reftime", "Reference Timestamp");
    public static final FieldDef ORG = F.absoluteTime("ntp.org", "Origin Timestamp");
    public static final FieldDef REC = F.absoluteTime("ntp.rec", "Receive Timestamp");
    public static final FieldDef XMT = F.absoluteTime("ntp.xmt", "Transmit Timestamp");
    public static final Ntp INSTANCE = new Ntp();

    private static final int HEADER = 48;
    /** Seconds from the NTP era's start (1900-01-01) to the Unix epoch. */
    private static final long SECONDS_1900_TO_1970 = 2_208_988_800L;

    private Ntp() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.udpPort(123, this);
        h.decodeAs("ntp", this);
    }

    /** Wireshark's Info: "NTP Version 4, client". */
    @Override
    public boolean appendInfo(Dissection d, int occ, PassResults pass, StringBuilder sb) {
        int flags = d.nextInLayer(FLAGS, occ);
        if (flags < 0) {
            return false;
        }
        long f = d.value(flags);
        sb.append(versionName((f >>> 3) & 7)).append(", ").append(infoModeName(f & 7));
        return true;
    }

    @Override
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        sb.append(PROTO.label());
        int flags = d.nextInLayer(FLAGS, occ);
        if (flags >= 0) {
            long f = d.value(flags);
            sb.append(" (").append(versionName((f >>> 3) & 7)).append(", ").append(infoModeName(f & 7)).append(')');
        }
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 1) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int occ = d.beginLayer(PROTO, off, end - off);
        int flags = d.u8(off);
        int f = d.add(FLAGS, off, 1, flags);
        d.add(LI, off, 1, flags >>> 6, f);
        d.add(VN, off, 1, (flags >>> 3) & 7, f);
        d.add(MODE, off, 1, flags & 7, f);
        int mode = flags & 7;
        if (mode == 6 || mode == 7) {
            return; // control and private messages have layouts of their own
        }
        // field by field as far as the bytes go, as Wireshark adds items until one runs past the end
        int n = end - off;
        if (n >= 2) {
            d.add(STRATUM, off + 1, 1, d.u8(off + 1));
        }
        if (n >= 3) {
            d.add(PPOLL, off + 2, 1, d.u8(off + 2));
        }
        if (n >= 4) {
            d.add(PRECISION, off + 3, 1, d.u8(off + 3));
        }
        if (n >= 8) {
            d.add(ROOTDELAY, off + 4, 4, d.u32(off + 4));
        }
        if (n >= 12) {
            d.add(ROOTDISPERSION, off + 8, 4, d.u32(off + 8));
        }
        if (n >= 16) {
            d.add(REFID, off + 12, 4, 0);
        }
        FieldDef[] times = {REFTIME, ORG, REC, XMT};
        for (int i = 0; i < times.length && n >= 24 + 8 * i; i++) {
            d.add(times[i], off + 16 + 8 * i, 8, timestamp(d, off + 16 + 8 * i));
        }
        if (n < HEADER) {
            d.flag(occ, Malformed.cutFlag(d, end));
            return;
        }
        d.setLength(occ, HEADER);
        // extension fields and a MAC may follow; tshark shows them only for NTPv4 authentication, not decoded here
    }

    /**
     * An NTP timestamp as nanoseconds since the Unix epoch. The fraction is cut, not rounded, as Wireshark's
     * {@code ENC_TIME_NTP} does; seconds with the top bit clear belong to era 1 (from 2036), as RFC 5905 and
     * Wireshark read them.
     */
    static long timestamp(Dissection d, int off) {
        long secs = d.u32(off);
        long frac = d.u32(off + 4);
        if (secs == 0 && frac == 0) {
            return FieldFormatter.NO_TIME;
        }
        if ((secs & 0x8000_0000L) == 0) {
            secs += 1L << 32;
        }
        return (secs - SECONDS_1900_TO_1970) * 1_000_000_000L + ((frac * 1_000_000_000L) >>> 32);
    }

    static String leapName(long li) {
        return switch ((int) li) {
            case 0 -> "no warning";
            case 1 -> "last minute of the day has 61 seconds";
            case 2 -> "last minute of the day has 59 seconds";
            default -> "unknown (clock unsynchronized)";
        };
    }

    static String versionName(long vn) {
        return vn >= 1 && vn <= 4 ? "NTP Version " + vn : "reserved";
    }

    static String modeName(long mode) {
        return switch ((int) mode) {
            case 1 -> "symmetric active";
            case 2 -> "symmetric passive";
            case 3 -> "client";
            case 4 -> "server";
            case 5 -> "broadcast";
            case 6 -> "reserved for NTP control message";
            case 7 -> "reserved for private use";
            default -> "reserved";
        };
    }

    private static String infoModeName(long mode) {
        return switch ((int) mode) {
            case 6 -> "control";
            case 7 -> "private";
            default -> modeName(mode);
        };
    }

    static String stratumName(long s) {
        if (s == 0) {
            return "unspecified or invalid";
        }
        if (s == 1) {
            return "primary reference";
        }
        if (s <= 15) {
            return "secondary reference";
        }
        return s == 16 ? "unsynchronized" : "reserved";
    }
}
