package org.tunnellens.dissect;

import java.util.HashMap;
import java.util.Map;

/**
 * The TCP window scale each side announced in its SYN, per TCP stream, so later windows can be shown scaled as
 * Wireshark's "Win=" does. Filled in file order by the first pass.
 */
final class WindowScales {
    /** stream * 2 + side -> announced shift, or -2 for "SYN seen without the option". */
    private final Map<Long, Integer> announced = new HashMap<>();

    /** Records what this packet announces and returns the shift to apply to its own window, or -1. */
    int shiftFor(Dissection d) {
        int tcp = innermostTcp(d);
        if (tcp < 0) {
            return -1;
        }
        int streamOcc = d.next(Tcp.STREAM, tcp);
        int flagsOcc = d.next(Tcp.FLAGS, tcp);
        if (streamOcc < 0 || flagsOcc < 0) {
            return -1;
        }
        long stream = d.value(streamOcc);
        long flags = d.value(flagsOcc);
        int side = side(d, tcp);
        long mine = stream * 2 + side;
        long theirs = stream * 2 + (1 - side);
        if ((flags & 0x02) != 0) {
            int ws = d.next(Tcp.WSCALE, tcp);
            announced.put(mine, ws >= 0 && d.layerOf(ws) == d.layerOf(tcp) ? (int) Math.min(14, d.value(ws)) : -2);
            return -1;
        }
        Integer a = announced.get(mine);
        Integer b = announced.get(theirs);
        return a != null && b != null && a >= 0 && b >= 0 ? a : -1;
    }

    /** The occurrence of the innermost TCP layer that is real traffic (not quoted by ICMP), or -1. */
    static int innermostTcp(Dissection d) {
        for (int l = d.layerCount() - 1; l >= 0; l--) {
            if (d.layerProtocol(l) == Tcp.PROTO && !PacketSummary.inIcmpQuote(d, d.layerOccurrence(l))) {
                return d.layerOccurrence(l);
            }
        }
        return -1;
    }

    /** 0 or 1: which end of the connection sent this packet (the lower address/port end is 0). */
    static int side(Dissection d, int tcpOcc) {
        long[] a = addresses(d, tcpOcc);
        long sport = d.value(d.next(Tcp.SRCPORT, tcpOcc));
        long dport = d.value(d.next(Tcp.DSTPORT, tcpOcc));
        return a[0] < a[1] || (a[0] == a[1] && sport <= dport) ? 0 : 1;
    }

    /** Source and destination of the innermost IP header before {@code occ} (IPv6 as a 64-bit hash). */
    static long[] addresses(Dissection d, int tcpOcc) {
        long src = 0;
        long dst = 0;
        for (int i = 0; i < tcpOcc; i++) {
            int f = d.fieldId(i);
            if (f == Ipv4.SRC.id()) {
                src = d.value(i);
            } else if (f == Ipv4.DST.id()) {
                dst = d.value(i);
            } else if (f == Ipv6.SRC.id() || f == Ipv6.DST.id()) {
                long h = 0;
                for (int k = 0; k < 16; k += 4) {
                    h = h * 0x9E3779B97F4A7C15L + d.u32(d.start(i) + k);
                }
                if (f == Ipv6.SRC.id()) {
                    src = h;
                } else {
                    dst = h;
                }
            }
        }
        return new long[] {src, dst};
    }
}
