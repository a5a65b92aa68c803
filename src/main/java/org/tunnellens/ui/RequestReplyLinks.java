package org.tunnellens.ui;

import java.util.function.IntFunction;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.proto.Arp;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.proto.Icmp;
import org.tunnellens.dissect.proto.Ipv4;

/**
 * Pairs a request with its reply, as Wireshark's "reply in N" / "request in N": ICMP echo by identifier, sequence
 * and swapped addresses of the innermost IP header; ARP by the asked-for address. Searched on demand within a
 * window of packets, so nothing is precomputed for the whole file.
 */
public final class RequestReplyLinks {
    static final int WINDOW = 20_000;

    private RequestReplyLinks() {
    }

    public static int linkedPacket(CaptureFile file, RowSummaries summaries, int packet) {
        return linkedPacket(file.packetCount(), summaries::dissect, packet);
    }

    /** The 0-based index of the packet answering (or answered by) {@code packet}, or -1. */
    public static int linkedPacket(int count, IntFunction<Dissection> dissect, int packet) {
        Dissection d = dissect.apply(packet);
        int icmpType = d.last(Icmp.TYPE);
        if (icmpType >= 0 && (d.value(icmpType) == 8 || d.value(icmpType) == 0) && d.last(Icmp.SEQ) >= 0) {
            boolean request = d.value(icmpType) == 8;
            long ident = lastValue(d, Icmp.IDENT);
            long seq = lastValue(d, Icmp.SEQ);
            long src = lastValue(d, Ipv4.SRC);
            long dst = lastValue(d, Ipv4.DST);
            long wanted = request ? 0 : 8;
            return search(count, packet, request, dissect, o -> {
                int t = o.last(Icmp.TYPE);
                return t >= 0 && o.value(t) == wanted && o.last(Icmp.SEQ) >= 0 && lastValue(o, Icmp.SEQ) == seq
                        && lastValue(o, Icmp.IDENT) == ident && lastValue(o, Ipv4.SRC) == dst
                        && lastValue(o, Ipv4.DST) == src;
            });
        }
        int op = d.last(Arp.OPCODE);
        if (op >= 0 && (d.value(op) == 1 || d.value(op) == 2)) {
            boolean request = d.value(op) == 1;
            long sender = lastValue(d, Arp.SRC_PROTO_IPV4);
            long target = lastValue(d, Arp.DST_PROTO_IPV4);
            if (sender == target) {
                return -1; // gratuitous: nobody answers an announcement
            }
            long wanted = request ? 2 : 1;
            return search(count, packet, request, dissect, o -> {
                int p = o.last(Arp.OPCODE);
                return p >= 0 && o.value(p) == wanted && lastValue(o, Arp.SRC_PROTO_IPV4) == target
                        && lastValue(o, Arp.DST_PROTO_IPV4) == sender;
            });
        }
        return -1;
    }

    /** The innermost occurrence's value, or a value no field has when the packet lacks the field. */
    private static long lastValue(Dissection d, org.tunnellens.dissect.FieldDef f) {
        int o = d.last(f);
        return o < 0 ? Long.MIN_VALUE : d.value(o);
    }

    private interface Match {
        boolean test(Dissection d);
    }

    private static int search(int count, int from, boolean forward, IntFunction<Dissection> dissect, Match m) {
        int step = forward ? 1 : -1;
        for (int i = from + step, n = 0; i >= 0 && i < count && n < WINDOW; i += step, n++) {
            if (m.test(dissect.apply(i))) {
                return i;
            }
        }
        return -1;
    }
}
