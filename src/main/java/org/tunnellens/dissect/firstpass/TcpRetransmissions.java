package org.tunnellens.dissect.firstpass;

import java.util.HashMap;
import java.util.Map;

/**
 * The part of Wireshark's TCP sequence analysis that the Info column shows most often: a segment carrying bytes (or
 * SYN/FIN) that were already sent in its direction is a "[TCP Retransmission]", or a "[TCP Spurious
 * Retransmission]" when the other side had already acknowledged them. Filled in file order by the first pass.
 */
final class TcpRetransmissions {
    static final byte NONE = 0;
    static final byte RETRANSMISSION = 1;
    static final byte SPURIOUS = 2;

    /**
     * One direction of a conversation -> {next expected raw seq, last raw ack sent, flags: bit 0 seq known, bit 1 ack
     * known}. Keyed on addresses and ports only, as Wireshark's conversations are: the same segment seen outside and
     * inside a tunnel is one conversation, so the second copy is a retransmission.
     */
    private final Map<Direction, long[]> directions = new HashMap<>();

    private record Direction(long src, long dst, long sport, long dport) {
    }

    /** Classifies one segment (raw sequence numbers; {@code ack} is -1 when the ACK flag is off). */
    byte classify(long src, long dst, int sport, int dport, int flags, long seq, long len, long ack) {
        long[] mine = directions.computeIfAbsent(new Direction(src, dst, sport, dport), k -> new long[3]);
        long[] theirs = directions.computeIfAbsent(new Direction(dst, src, dport, sport), k -> new long[3]);
        boolean synOrFin = (flags & 0x03) != 0;
        long segEnd = seq + len + (synOrFin ? 1 : 0);
        byte result = NONE;
        boolean seqKnown = (mine[2] & 1) != 0;
        if ((len > 0 || synOrFin) && (flags & 0x04) == 0 && seqKnown && after(mine[0], seq)) {
            result = (theirs[2] & 2) != 0 && !after(seq + len, theirs[1]) ? SPURIOUS : RETRANSMISSION;
        }
        if (!seqKnown || after(segEnd, mine[0])) {
            mine[0] = segEnd & 0xffffffffL;
            mine[2] |= 1;
        }
        if ((flags & 0x10) != 0 && ack >= 0) {
            mine[1] = ack;
            mine[2] |= 2;
        }
        return result;
    }

    /** a > b in 32-bit sequence space. */
    private static boolean after(long a, long b) {
        return (int) (a - b) > 0;
    }

    static String label(byte kind) {
        return switch (kind) {
            case RETRANSMISSION -> "[TCP Retransmission] ";
            case SPURIOUS -> "[TCP Spurious Retransmission] ";
            default -> "";
        };
    }
}
