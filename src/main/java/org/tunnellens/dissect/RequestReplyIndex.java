package org.tunnellens.dissect;

import java.util.HashMap;
import java.util.Map;
import org.tunnellens.capture.CaptureFile;

/**
 * Which packet answers which, found by one pass over the whole capture before anything is printed (tshark's
 * {@code -2}): ICMP echo requests and replies, so the Info column can say "(reply in 2)" / "(request in 1)" /
 * "(no response found!)". The same pass fills the {@link TcpSequences} so relative numbers are ready too.
 */
public final class RequestReplyIndex {
    /** Frame number of the matching packet, 0 for none; one entry per packet. */
    private final int[] partner;
    /** Packets that are ICMP echo requests (so a request without a partner says "no response found"). */
    private final java.util.BitSet requests;

    /**
     * Per packet, the window scale shift that applies to its TCP window (-1: none known, so the raw value is shown).
     * Wireshark scales only when both the SYN and the SYN/ACK carried the option, and never scales a SYN's window.
     */
    private final byte[] windowShift;
    private final byte[] tcpAnalysis;
    /** Frame numbers of IPv4 fragments (0-based packet → frame that reassembled their datagram); rare, so a map. */
    private final Map<Integer, Integer> reassembledIn = new HashMap<>();
    /** ARP packets whose sender IP was first seen with another MAC (Wireshark's duplicate address detection). */
    private final java.util.BitSet duplicateArp;

    private RequestReplyIndex(int packets) {
        partner = new int[packets];
        requests = new java.util.BitSet(packets);
        windowShift = new byte[packets];
        tcpAnalysis = new byte[packets];
        duplicateArp = new java.util.BitSet(packets);
        java.util.Arrays.fill(windowShift, (byte) -1);
    }

    /** An index with no pairs, for callers that skip the first pass. */
    public static RequestReplyIndex empty() {
        return new RequestReplyIndex(0);
    }

    public static RequestReplyIndex build(CaptureFile file) {
        return build(new PacketDissector(file));
    }

    /** Runs the first pass with this dissector (and so through its tables and TCP sequence state). */
    public static RequestReplyIndex build(PacketDissector dissector) {
        int n = dissector.file().packetCount();
        RequestReplyIndex idx = new RequestReplyIndex(n);
        // key -> frame number of the open request; only ICMP echo packets reach it, so it stays small
        Map<EchoKey, Integer> open = new HashMap<>();
        WindowScales scales = new WindowScales();
        TcpRetransmissions retransmissions = new TcpRetransmissions();
        Map<Long, Long> macOfIp = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Dissection d = dissector.dissect(i);
            idx.windowShift[i] = (byte) scales.shiftFor(d);
            idx.tcpAnalysis[i] = retransmissions.classify(d);
            int spa = d.last(Arp.SRC_PROTO_IPV4);
            int sha = d.last(Arp.SRC_HW_MAC);
            if (spa >= 0 && sha >= 0 && d.value(spa) != 0) {
                Long known = macOfIp.putIfAbsent(d.value(spa), d.value(sha));
                if (known != null && known != d.value(sha)) {
                    idx.duplicateArp.set(i);
                }
            }
            int icmp = lastIcmp(d);
            if (icmp < 0) {
                continue;
            }
            int t = d.next(Icmp.TYPE, icmp);
            int id = d.next(Icmp.IDENT, icmp);
            int seq = d.next(Icmp.SEQ, icmp);
            int cs = d.next(Icmp.CHECKSUM, icmp);
            if (t < 0 || id < 0 || seq < 0 || cs < 0) {
                continue;
            }
            int type = (int) d.value(t);
            if (type != 0 && type != 8) {
                continue;
            }
            long[] addrs = addresses(d, icmp);
            int checksum = (int) d.value(cs);
            // a reply's checksum differs from its request's by exactly the type change (8 -> 0), as Wireshark keys it
            int requestChecksum = type == 8 ? checksum : adjustForRequest(checksum);
            EchoKey key = new EchoKey(Math.min(addrs[0], addrs[1]), Math.max(addrs[0], addrs[1]),
                    (d.value(id) << 16) | d.value(seq), requestChecksum);
            if (type == 8) {
                idx.requests.set(i);
                open.putIfAbsent(key, i + 1);
            } else {
                Integer req = open.get(key);
                if (req != null && idx.partner[req - 1] == 0) {
                    idx.partner[req - 1] = i + 1;
                    idx.partner[i] = req;
                }
            }
        }
        Ipv4Fragments frags = dissector.current().fragments();
        if (frags != null) {
            frags.forEachReassembled((packet, frame) -> idx.reassembledIn.put(packet, frame));
        }
        return idx;
    }

    /** The frame that reassembled the datagram packet {@code i} (0-based) is a fragment of, or 0. */
    public int reassembledIn(int i) {
        return reassembledIn.getOrDefault(i, 0);
    }

    /** The reply's checksum with the type byte set back from 0 to 8 (RFC 1624 incremental update). */
    static int adjustForRequest(int replyChecksum) {
        int sum = (~replyChecksum & 0xffff) + 0x0800;
        sum = (sum & 0xffff) + (sum >>> 16);
        return ~sum & 0xffff;
    }

    private static int lastIcmp(Dissection d) {
        for (int l = d.layerCount() - 1; l >= 0; l--) {
            if (d.layerProtocol(l) == Icmp.PROTO) {
                return d.layerOccurrence(l);
            }
        }
        return -1;
    }

    /** The IPv4 addresses of the header that carries this ICMP message. */
    private static long[] addresses(Dissection d, int icmpOcc) {
        long src = 0;
        long dst = 0;
        for (int i = 0; i < icmpOcc; i++) {
            if (d.fieldId(i) == Ipv4.SRC.id()) {
                src = d.value(i);
            } else if (d.fieldId(i) == Ipv4.DST.id()) {
                dst = d.value(i);
            }
        }
        return new long[] {src, dst};
    }

    /** Frame number (1-based) of the packet that answers or is answered by packet {@code i} (0-based), or 0. */
    public int partnerOf(int i) {
        return i < partner.length ? partner[i] : 0;
    }

    /** True when the first pass saw packet {@code i} (0-based) as an ICMP echo request. */
    public boolean isRequest(int i) {
        return requests.get(i);
    }

    /** The window scale shift for packet {@code i}'s TCP window, or -1 to show the raw window value. */
    public int windowShift(int i) {
        return i < windowShift.length ? windowShift[i] : -1;
    }

    /** Wireshark's TCP analysis prefix for packet {@code i}'s Info ("[TCP Retransmission] "), or "". */
    public String tcpAnalysisLabel(int i) {
        return i < tcpAnalysis.length ? TcpRetransmissions.label(tcpAnalysis[i]) : "";
    }

    /** True when packet {@code i}'s ARP sender IP was seen before with a different MAC (a VIP that moved). */
    public boolean duplicateArpSender(int i) {
        return duplicateArp.get(i);
    }

    /** Whether the first pass ran over packet {@code i}, so that "no response found" is a fact, not a guess. */
    public boolean covers(int i) {
        return i < partner.length;
    }

    private record EchoKey(long addrLow, long addrHigh, long idSeq, int requestChecksum) {
    }
}
