package org.tunnellens.analysis.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.proto.Ipv4;
import org.tunnellens.dissect.proto.Tcp;
import org.tunnellens.dissect.proto.Udp;

/**
 * IPv4, TCP and UDP conversations (as Wireshark's Statistics > Conversations), with the tunnel depth in the key so
 * that the VTEP-to-VTEP outer conversation and the VM-to-VM inner ones are kept apart. Endpoint A is the one that
 * sent the first packet.
 */
public final class ConversationTable {

    /** One conversation: its endpoints, depth (0 = outer) and traffic in each direction. */
    public static final class Conversation {
        final String kind;
        final int depth;
        final String a;
        final String b;
        final long firstNanos;
        long lastNanos;
        long framesAtoB;
        long bytesAtoB;
        long framesBtoA;
        long bytesBtoA;

        Conversation(String kind, int depth, String a, String b, long firstNanos) {
            this.kind = kind;
            this.depth = depth;
            this.a = a;
            this.b = b;
            this.firstNanos = firstNanos;
            this.lastNanos = firstNanos;
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", kind);
            m.put("depth", depth);
            m.put("a", a);
            m.put("b", b);
            m.put("frames", framesAtoB + framesBtoA);
            m.put("bytes", bytesAtoB + bytesBtoA);
            m.put("frames_a_to_b", framesAtoB);
            m.put("bytes_a_to_b", bytesAtoB);
            m.put("frames_b_to_a", framesBtoA);
            m.put("bytes_b_to_a", bytesBtoA);
            m.put("start_epoch_ns", firstNanos);
            m.put("duration_ns", lastNanos - firstNanos);
            return m;
        }
    }

    private final Map<String, Conversation> byKey = new LinkedHashMap<>();

    public void add(Dissection d) {
        int depthOfIp = -1;
        long src = 0;
        long dst = 0;
        for (int l = 0; l < d.layerCount(); l++) {
            int occ = d.layerOccurrence(l);
            if (d.field(occ) == Ipv4.PROTO) {
                int s = d.next(Ipv4.SRC, occ);
                int t = d.next(Ipv4.DST, occ);
                if (s < 0 || t < 0) {
                    continue;
                }
                src = d.value(s);
                dst = d.value(t);
                depthOfIp = d.layerDepth(l);
                count(d, "ipv4", depthOfIp, FieldFormatter.ipv4(src), FieldFormatter.ipv4(dst));
            } else if ((d.field(occ) == Tcp.PROTO || d.field(occ) == Udp.PROTO) && depthOfIp == d.layerDepth(l)) {
                boolean tcp = d.field(occ) == Tcp.PROTO;
                int sp = d.next(tcp ? Tcp.SRCPORT : Udp.SRCPORT, occ);
                int dp = d.next(tcp ? Tcp.DSTPORT : Udp.DSTPORT, occ);
                if (sp < 0 || dp < 0) {
                    continue;
                }
                count(d, tcp ? "tcp" : "udp", depthOfIp, FieldFormatter.ipv4(src) + ":" + d.value(sp),
                        FieldFormatter.ipv4(dst) + ":" + d.value(dp));
            }
        }
    }

    private void count(Dissection d, String kind, int depth, String from, String to) {
        String forward = kind + "|" + depth + "|" + from + "|" + to;
        String backward = kind + "|" + depth + "|" + to + "|" + from;
        Conversation c = byKey.get(forward);
        boolean aToB = true;
        if (c == null) {
            c = byKey.get(backward);
            aToB = false;
        }
        if (c == null) {
            c = new Conversation(kind, depth, from, to, d.timestampNanos());
            byKey.put(forward, c);
            aToB = true;
        }
        c.lastNanos = d.timestampNanos();
        if (aToB) {
            c.framesAtoB++;
            c.bytesAtoB += d.originalLength();
        } else {
            c.framesBtoA++;
            c.bytesBtoA += d.originalLength();
        }
    }

    public List<Conversation> conversations() {
        return new ArrayList<>(byKey.values());
    }

    public List<Map<String, Object>> toJson() {
        return byKey.values().stream().map(Conversation::toJson).toList();
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-5s %-5s %-21s %-21s %8s %10s %8s %10s %8s %10s%n", "Type", "Depth", "Address A",
                "Address B", "Frames", "Bytes", "A->B", "Bytes A->B", "B->A", "Bytes B->A"));
        for (Conversation c : byKey.values()) {
            sb.append(String.format("%-5s %-5s %-21s %-21s %8d %10d %8d %10d %8d %10d%n", c.kind,
                    c.depth == 0 ? "outer" : "inner" + (c.depth > 1 ? c.depth : ""), c.a, c.b,
                    c.framesAtoB + c.framesBtoA, c.bytesAtoB + c.bytesBtoA, c.framesAtoB, c.bytesAtoB,
                    c.framesBtoA, c.bytesBtoA));
        }
        return sb.toString();
    }
}
