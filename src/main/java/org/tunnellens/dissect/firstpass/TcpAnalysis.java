package org.tunnellens.dissect.firstpass;

import java.util.Arrays;
import org.tunnellens.dissect.StateKey;

/**
 * What the first pass learns of each TCP segment for the Info column: the window scale that applies to it and
 * whether it retransmits. Two bytes per packet, filled in file order.
 */
public final class TcpAnalysis {
    public static final StateKey<TcpAnalysis> KEY = StateKey.of("TCP analysis", TcpAnalysis::new);

    private final WindowScales scales = new WindowScales();
    private final TcpRetransmissions retransmissions = new TcpRetransmissions();
    private byte[] shift = new byte[0];
    private byte[] kind = new byte[0];

    /**
     * Looks at one segment of packet {@code packet} (0-based), in file order.
     *
     * @param src    source address (IPv6 as a 64-bit hash), {@code dst} likewise
     * @param ack    raw acknowledgement number, or -1 when the ACK flag is off
     * @param wscale the window scale option's shift, or -1 without one
     */
    public void observe(int packet, long stream, long src, long dst, int sport, int dport, int flags, long seq,
                        long len, long ack, int wscale) {
        if (packet >= shift.length) {
            int n = Math.max(packet + 1, shift.length * 2);
            int old = shift.length;
            shift = Arrays.copyOf(shift, n);
            kind = Arrays.copyOf(kind, n);
            Arrays.fill(shift, old, n, (byte) -1);
        }
        int side = src < dst || (src == dst && sport <= dport) ? 0 : 1;
        shift[packet] = (byte) scales.shiftFor(stream, side, (flags & 0x02) != 0, wscale);
        kind[packet] = retransmissions.classify(src, dst, sport, dport, flags, seq, len, ack);
    }

    /** The window scale shift for packet {@code packet}'s TCP window, or -1 to show the raw window value. */
    public int windowShift(int packet) {
        return packet < shift.length ? shift[packet] : -1;
    }

    /** Wireshark's TCP analysis prefix for the packet's Info ("[TCP Retransmission] "), or "". */
    public String label(int packet) {
        return packet < kind.length ? TcpRetransmissions.label(kind[packet]) : "";
    }
}
