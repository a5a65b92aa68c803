package org.tunnellens.analysis.correlation;

import java.lang.foreign.MemorySegment;

/**
 * Where the frame that pairing compares lies inside one packet, as offsets into {@link #bytes}: the capture's
 * mapping, or for an outer IPv4 datagram that arrived in fragments, the datagram reassembled on the heap.
 * The key is the destination and source MAC (when the link layer has them) followed by the network-layer bytes up to
 * the IP total length (the EtherType adds nothing that those bytes do not already tell apart): VLAN tags and Ethernet padding are left out because a
 * bridge may add or strip them on the way into the tunnel. Reused for every packet.
 */
public final class LocatedFrame {
    FrameKind kind;
    /**
     * What {@link #macOffset}, {@link #l3Offset} and {@link #keyEnd} point into. The file mapping for every frame but
     * the one that completes a fragmented datagram, so the fast path reads the mapping in place as before.
     */
    MemorySegment bytes;
    /** Offset of the destination MAC, or -1 on cooked captures, which keep no destination MAC. */
    long macOffset;
    /** Offset of the network layer; the key continues from here to {@link #keyEnd}. */
    long l3Offset;
    long keyEnd;
    long dstMac;
    long srcMac;
    boolean truncated;
    /** Bytes of the inner frame as sent (captured or not), for the "too big for the tunnel" check. */
    int frameLength;
    int vni = -1;
    int outerSrc;
    int outerDst;
    int udpPort;
    /** For a {@link FrameKind#FRAGMENT}: the frame number (1-based) that reassembles its datagram, 0 when none does. */
    int reassembledIn;

    void clear() {
        kind = FrameKind.UNUSABLE;
        macOffset = -1;
        l3Offset = -1;
        keyEnd = -1;
        dstMac = 0;
        srcMac = 0;
        truncated = false;
        frameLength = 0;
        vni = -1;
        outerSrc = 0;
        outerDst = 0;
        udpPort = 0;
        reassembledIn = 0;
    }

    public FrameKind kind() {
        return kind;
    }

    public int vni() {
        return vni;
    }

    public int outerSrc() {
        return outerSrc;
    }

    public int outerDst() {
        return outerDst;
    }

    public int udpPort() {
        return udpPort;
    }

    public long srcMac() {
        return srcMac;
    }

    public long dstMac() {
        return dstMac;
    }

    public boolean truncated() {
        return truncated;
    }

    public int frameLength() {
        return frameLength;
    }

    /** Frame number that reassembles this fragment's datagram, 0 when it is no fragment or nothing completes it. */
    public int reassembledIn() {
        return reassembledIn;
    }
}
