package org.tunnellens.dissect.firstpass;

import java.util.Arrays;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.StateKey;

/**
 * TCP conversations of one capture and each direction's base sequence number, so that sequence and
 * acknowledgement numbers can be shown relative as Wireshark shows them. Filled in file order by the first pass;
 * later random-access dissections find the same bases. Open addressing over primitive arrays: no object per
 * conversation.
 */
public final class TcpSequences {
    /** One per dissector: bases learnt in file order are what later random-access dissections use. */
    public static final StateKey<TcpSequences> KEY = StateKey.of("TCP sequence bases", TcpSequences::new);

    private long[] keyA = new long[1024];
    private long[] keyB = new long[1024];
    private long[] baseFwd = new long[1024]; // direction in which the conversation was first seen
    private long[] baseRev = new long[1024];
    private int[] streamOf = new int[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    private long relativeSeq;
    private long relativeAck;

    /** Finds or creates the conversation of the current packet; sets the relative numbers; returns tcp.stream. */
    public int lookup(Dissection d, int sport, int dport, long seq, long ack, int flags) {
        long src = addressHash(d, 0);
        long dst = addressHash(d, 1);
        long depthBits = (long) d.depth() << 60;
        // canonical key: the lower endpoint first, so both directions find one slot
        boolean forward = src < dst || (src == dst && sport <= dport);
        long a = forward ? src : dst;
        long b = forward ? dst : src;
        long ports = forward ? ((long) sport << 16 | dport) : ((long) dport << 16 | sport);
        long k1 = a ^ depthBits;
        long k2 = b * 31 + ports;
        int slot = find(k1, k2);
        if (!used[slot]) {
            if (size * 2 >= used.length) {
                rehash();
                slot = find(k1, k2);
            }
            used[slot] = true;
            keyA[slot] = k1;
            keyB[slot] = k2;
            baseFwd[slot] = -1;
            baseRev[slot] = -1;
            streamOf[slot] = size++;
        }
        // baseFwd belongs to the canonical "forward" side (the lower endpoint as source)
        long mine = forward ? baseFwd[slot] : baseRev[slot];
        boolean syn = (flags & 0x02) != 0;
        if (mine < 0) {
            mine = syn ? seq : (seq - 1) & 0xffffffffL;
            setBase(slot, forward, mine);
        } else if (syn && seq != mine) {
            // a SYN with a new initial sequence number reuses the ports for a new connection (Wireshark's "TCP
            // Port numbers reused"): count from it, as tshark does. Random access after the first pass sees the
            // latest connection's base, which only matters for captures that reuse a port pair.
            mine = seq;
            setBase(slot, forward, mine);
            if ((flags & 0x10) != 0) {
                setBase(slot, !forward, (ack - 1) & 0xffffffffL);
            }
        }
        long theirs = forward ? baseRev[slot] : baseFwd[slot];
        if (theirs < 0 && (flags & 0x10) != 0) {
            theirs = (ack - 1) & 0xffffffffL;
            setBase(slot, !forward, theirs);
        }
        relativeSeq = (seq - mine) & 0xffffffffL;
        relativeAck = theirs < 0 ? ack : (ack - theirs) & 0xffffffffL;
        return streamOf[slot];
    }

    private void setBase(int slot, boolean forward, long v) {
        if (forward) {
            baseFwd[slot] = v;
        } else {
            baseRev[slot] = v;
        }
    }

    private static long addressHash(Dissection d, int which) {
        int ip = d.ipOffset();
        if (ip < 0) {
            return 0;
        }
        if (d.ipVersion() == 4) {
            return d.u32(ip + 12 + 4 * which);
        }
        int o = ip + 8 + 16 * which;
        long h = d.u32(o) * 0x9E3779B97F4A7C15L;
        h = (h ^ d.u32(o + 4)) * 0x9E3779B97F4A7C15L;
        h = (h ^ d.u32(o + 8)) * 0x9E3779B97F4A7C15L;
        return (h ^ d.u32(o + 12)) | (1L << 40);
    }

    private int find(long k1, long k2) {
        int mask = used.length - 1;
        int i = (int) (mix(k1 * 0x9E3779B97F4A7C15L + k2)) & mask;
        while (used[i] && (keyA[i] != k1 || keyB[i] != k2)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    private void rehash() {
        long[] oa = keyA;
        long[] ob = keyB;
        long[] of = baseFwd;
        long[] or = baseRev;
        int[] os = streamOf;
        boolean[] ou = used;
        int n = ou.length * 2;
        keyA = new long[n];
        keyB = new long[n];
        baseFwd = new long[n];
        baseRev = new long[n];
        streamOf = new int[n];
        used = new boolean[n];
        for (int i = 0; i < ou.length; i++) {
            if (ou[i]) {
                int s = find(oa[i], ob[i]);
                used[s] = true;
                keyA[s] = oa[i];
                keyB[s] = ob[i];
                baseFwd[s] = of[i];
                baseRev[s] = or[i];
                streamOf[s] = os[i];
            }
        }
    }

    public int conversations() {
        return size;
    }

    public long relativeSeq() {
        return relativeSeq;
    }

    public long relativeAck() {
        return relativeAck;
    }

    void clear() {
        Arrays.fill(used, false);
        size = 0;
    }
}
