package org.tunnellens.dissect;

import java.util.BitSet;

/**
 * The packets a dissector has looked at: the current run of consecutive ones as two numbers (the common case, a
 * scan in file order, costs no bit per packet until the run breaks), the earlier runs as bits.
 */
final class VisitedPackets {
    private final BitSet before = new BitSet();
    private int runStart = -1;
    private int runEnd = -1;

    void add(int packet) {
        if (packet == runEnd + 1 && runStart >= 0) {
            runEnd = packet;
        } else if (packet < runStart || packet > runEnd) {
            if (runStart >= 0) {
                before.set(runStart, runEnd + 1);
            }
            runStart = packet;
            runEnd = packet;
        }
    }

    boolean contains(int packet) {
        return (packet >= runStart && packet <= runEnd) || before.get(packet);
    }
}
