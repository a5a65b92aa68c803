package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;

/** Checksum status values as Wireshark's {@code *.checksum.status} fields use them. */
public final class Checksums {
    public static final int BAD = 0;
    public static final int GOOD = 1;
    public static final int UNVERIFIED = 2;
    /** A zero UDP checksum over IPv4: the sender did not compute one (RFC 768). */
    public static final int NOT_PRESENT = 3;

    private Checksums() {
    }

    static String statusName(long s) {
        return switch ((int) s) {
            case BAD -> "Bad";
            case GOOD -> "Good";
            case NOT_PRESENT -> "Not present";
            default -> "Unverified";
        };
    }

    /**
     * Verifies an Internet checksum over {@code len} bytes at {@code off} (plus a pseudo-header sum), records the
     * status field and flags the checksum occurrence when it is wrong.
     */
    static void verify(Dissection d, int off, int len, long initial, FieldDef statusField, int checksumOcc) {
        int status = d.onesComplementSum(off, len, initial) == 0xffff ? GOOD : BAD;
        d.addGenerated(statusField, status);
        if (status == BAD) {
            d.flag(checksumOcc, Dissection.FLAG_BAD_CHECKSUM);
        }
    }

    /** Sum of the IPv4 or IPv6 pseudo-header for an upper-layer checksum over {@code len} bytes. */
    static long pseudoHeader(Dissection d, int proto, int len) {
        int ip = d.ipOffset();
        long sum = 0;
        if (d.ipVersion() == 4) {
            for (int i = 12; i < 20; i += 2) {
                sum += d.u16(ip + i);
            }
        } else {
            for (int i = 8; i < 40; i += 2) {
                sum += d.u16(ip + i);
            }
        }
        return sum + proto + len;
    }
}
