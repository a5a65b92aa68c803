package org.tunnellens.analysis.lvs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.DecodeConfig;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.proto.Http;
import org.tunnellens.dissect.proto.Icmp;
import org.tunnellens.dissect.proto.Ipv4;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.dissect.proto.Tcp;

/** Groups the outer IPv4 TCP packets of one capture into connections ({@link TcpLeg}). */
final class LvsPacketReader {
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int RST = 0x04;

    private final List<TcpLeg> legs = new ArrayList<>();
    /** Open legs by "client:port>server:port" and by "server:port>client:port". */
    private final Map<String, TcpLeg> byForward = new HashMap<>();
    private final Map<String, TcpLeg> byReverse = new HashMap<>();
    /** Legs by client address and port, to catch replies coming from the wrong address. */
    private final Map<String, TcpLeg> byClient = new HashMap<>();
    private final Map<String, TcpLeg.StrayReply> pendingStray = new HashMap<>();

    List<TcpLeg> legs() {
        return legs;
    }

    void read(CaptureFile file, String name, DecodeConfig decode) {
        PacketDissector dissector = new PacketDissector(file, decode);
        for (int i = 0; i < file.packetCount(); i++) {
            Dissection d = dissector.dissect(i);
            int tcp = d.first(Tcp.PROTO);
            int ip = d.first(Ipv4.SRC);
            if (tcp < 0 || ip < 0 || ip > tcp || d.layerDepth(d.layerOf(tcp)) != 0
                    || (d.flags(tcp) & Dissection.FLAG_MALFORMED) != 0 || d.has(Icmp.PROTO)) {
                continue;
            }
            int flagsOcc = d.next(Tcp.FLAGS, tcp);
            if (flagsOcc < 0) {
                continue; // header cut short
            }
            packet(d, name, FieldFormatter.ipv4(d.value(ip)), FieldFormatter.ipv4(d.firstValue(Ipv4.DST, 0)),
                    (int) d.value(d.next(Tcp.SRCPORT, tcp)), (int) d.value(d.next(Tcp.DSTPORT, tcp)),
                    (int) d.value(flagsOcc), tcp);
        }
    }

    private void packet(Dissection d, String capture, String src, String dst, int sport, int dport, int flags,
                        int tcpOcc) {
        long seq = d.value(d.next(Tcp.SEQ_RAW, tcpOcc));
        long ack = d.value(d.next(Tcp.ACK_RAW, tcpOcc));
        int payload = (int) d.firstValue(Tcp.LEN, 0);
        int ipLen = (int) d.firstValue(Ipv4.LEN, d.originalLength());
        long t = d.timestampNanos();
        String fwd = src + ":" + sport + ">" + dst + ":" + dport;
        if ((flags & (SYN | ACK)) == SYN) {
            TcpLeg leg = byForward.get(fwd);
            if (leg != null && leg.isn == seq) {
                leg.synRetransmits++;
            } else {
                leg = new TcpLeg(capture, src, sport, dst, dport, seq, t, d.frameNumber());
                legs.add(leg);
                byForward.put(fwd, leg);
                byReverse.put(dst + ":" + dport + ">" + src + ":" + sport, leg);
                byClient.put(src + ":" + sport, leg);
            }
            count(leg, true, ipLen, payload, t);
            return;
        }
        TcpLeg leg = byForward.get(fwd);
        boolean in = true;
        if (leg == null) {
            leg = byReverse.get(fwd);
            in = false;
        }
        if (leg == null) {
            stray(d, src, dst, sport, dport, flags, ack, t);
            return;
        }
        count(leg, in, ipLen, payload, t);
        if (!in && (flags & (SYN | ACK)) == (SYN | ACK) && !leg.synAck) {
            leg.synAck = true;
            leg.synAckFrame = d.frameNumber();
            leg.synAckNanos = t;
        }
        if ((flags & RST) != 0) {
            if (in) {
                leg.resetByClient = true;
            } else {
                leg.resetByServer = true;
            }
        }
        if (in && leg.httpRequest == null && d.has(Http.METHOD)) {
            leg.httpRequest = FieldFormatter.value(d, d.first(Http.METHOD)) + " "
                    + (d.has(Http.URI) ? FieldFormatter.value(d, d.first(Http.URI)) : "");
        }
        if (!in && leg.httpStatus == 0 && d.has(Http.CODE)) {
            leg.httpStatus = (int) d.firstValue(Http.CODE, 0);
        }
    }

    /**
     * A packet that belongs to no connection seen starting. If it answers a known client's SYN (its ACK is that
     * SYN's sequence number + 1) from another address, the reply skipped the director's un-NAT.
     */
    private void stray(Dissection d, String src, String dst, int sport, int dport, int flags, long ack, long t) {
        TcpLeg leg = byClient.get(dst + ":" + dport);
        if (leg != null && (flags & (SYN | ACK)) == (SYN | ACK) && ack == ((leg.isn + 1) & 0xffffffffL)
                && !src.equals(leg.server)) {
            TcpLeg.StrayReply r = new TcpLeg.StrayReply(src, sport, t, d.frameNumber(), false, 0);
            leg.strayReplies.add(r);
            pendingStray.put(src + ":" + sport + ">" + dst + ":" + dport, r);
            return;
        }
        String reverse = dst + ":" + dport + ">" + src + ":" + sport;
        TcpLeg.StrayReply r = pendingStray.remove(reverse);
        TcpLeg owner = byClient.get(src + ":" + sport);
        if (r != null && owner != null && (flags & RST) != 0) {
            int idx = owner.strayReplies.indexOf(r);
            if (idx >= 0) {
                owner.strayReplies.set(idx, new TcpLeg.StrayReply(r.from(), r.fromPort(), r.nanos(), r.frame(), true,
                        d.frameNumber()));
            }
        }
    }

    private static void count(TcpLeg leg, boolean in, int ipLen, int payload, long t) {
        if (in) {
            leg.packetsIn++;
            leg.bytesIn += ipLen;
            leg.payloadIn += payload;
        } else {
            leg.packetsOut++;
            leg.bytesOut += ipLen;
            leg.payloadOut += payload;
        }
        leg.lastNanos = Math.max(leg.lastNanos, t);
    }
}
