package org.tunnellens.analysis.correlation;

import org.tunnellens.capture.CaptureFile;
import org.tunnellens.capture.PacketIndex;

/**
 * One capture as one side of the pairing, in primitive arrays: per packet either "candidate" with the hash of its
 * key, or the reason it cannot pair. The outer role pairs the frame inside VXLAN, the inner role the frame itself.
 */
final class CaptureSide {
    static final byte CANDIDATE = -1;
    /** In a single capture, a packet that belongs to the other role. */
    static final byte OTHER_ROLE = -2;

    final CaptureFile file;
    final FrameLocator locator;
    final boolean outerRole;
    final long[] hash;
    /** CANDIDATE, OTHER_ROLE, or the {@link UnpairedReason} ordinal known from the packet alone. */
    final byte[] state;
    final int[] vni;
    final int[] outerSrc;
    final int[] outerDst;
    final int[] order;
    final long firstTime;
    final long lastTime;
    int candidates;
    int vxlanPackets;

    private CaptureSide(CaptureFile file, FrameLocator locator, boolean outerRole) {
        this.file = file;
        this.locator = locator;
        this.outerRole = outerRole;
        int n = file.packetCount();
        hash = new long[n];
        state = new byte[n];
        vni = outerRole ? new int[n] : null;
        outerSrc = outerRole ? new int[n] : null;
        outerDst = outerRole ? new int[n] : null;
        order = TimeOrder.of(file.index());
        PacketIndex idx = file.index();
        firstTime = n == 0 ? 0 : idx.timestampNanos(order[0]);
        lastTime = n == 0 ? 0 : idx.timestampNanos(order[n - 1]);
    }

    /**
     * @param single    true when the other role reads the same file: packets of the other role are left out
     * @param remoteMacs collects the MACs inside VXLAN (outer role), for telling bridge-local frames; may be null
     */
    static CaptureSide scan(FrameLocator locator, boolean outerRole, boolean single, boolean withMacs,
                            MacSet remoteMacs) {
        return scan(locator, outerRole, single, withMacs, remoteMacs, null);
    }

    /**
     * @param underlayInterfaces in a single capture of several interfaces, those that carry VXLAN: their other
     *                           packets are the underlay's own (outer side, not VXLAN), not bridge frames; or null
     */
    static CaptureSide scan(FrameLocator locator, boolean outerRole, boolean single, boolean withMacs,
                            MacSet remoteMacs, boolean[] underlayInterfaces) {
        CaptureSide s = new CaptureSide(locator.file(), locator, outerRole);
        LocatedFrame f = new LocatedFrame();
        int[] fragments = new int[0];
        int fragmentCount = 0;
        for (int i = 0; i < s.hash.length; i++) {
            locator.locate(i, f);
            if (f.kind == FrameKind.FRAGMENT) {
                // which frame reassembles it is known once the scan has passed that frame: placed after the loop
                if (fragmentCount == fragments.length) {
                    fragments = java.util.Arrays.copyOf(fragments, Math.max(16, fragmentCount * 2));
                }
                fragments[fragmentCount++] = i;
                continue;
            }
            s.place(i, f, single, withMacs, remoteMacs, underlayInterfaces);
        }
        for (int k = 0; k < fragmentCount; k++) {
            s.place(fragments[k], locator.locate(fragments[k], f), single, withMacs, remoteMacs, underlayInterfaces);
        }
        return s;
    }

    /** Records packet {@code i}, located as {@code f}: its state, outer addresses, and the hash of a candidate. */
    private void place(int i, LocatedFrame f, boolean single, boolean withMacs, MacSet remoteMacs,
                       boolean[] underlayInterfaces) {
        byte st = outerRole ? outerState(f, single) : innerState(f, single, withMacs);
        if (underlayInterfaces != null && underlayInterfaces[file.index().interfaceId(i)]
                && (f.kind == FrameKind.PLAIN || f.kind == FrameKind.UNUSABLE)) {
            st = outerRole ? (byte) UnpairedReason.NOT_VXLAN.ordinal() : OTHER_ROLE;
        }
        state[i] = st;
        if (f.kind == FrameKind.VXLAN) {
            vxlanPackets++;
        }
        if (outerRole && (f.kind == FrameKind.VXLAN || f.kind == FrameKind.FRAGMENT)) {
            vni[i] = f.vni;
            outerSrc[i] = f.outerSrc;
            outerDst[i] = f.outerDst;
        }
        if (st == CANDIDATE) {
            hash[i] = FrameKey.hash(f, withMacs);
            candidates++;
            if (remoteMacs != null) {
                remoteMacs.add(f.srcMac);
                remoteMacs.add(f.dstMac);
            }
        }
    }

    private byte outerState(LocatedFrame f, boolean single) {
        return switch (f.kind) {
            case VXLAN -> f.truncated ? (byte) UnpairedReason.TRUNCATED.ordinal() : CANDIDATE;
            // a piece of a datagram reassembled in a later frame, which pairs; a piece no frame completes is too big
            case FRAGMENT -> (byte) (f.reassembledIn > 0 ? UnpairedReason.FRAGMENT : UnpairedReason.TOO_BIG).ordinal();
            case PLAIN -> single ? OTHER_ROLE : (byte) UnpairedReason.NOT_VXLAN.ordinal();
            case UNUSABLE -> single ? OTHER_ROLE : (byte) UnpairedReason.NOT_VXLAN.ordinal();
        };
    }

    private static byte innerState(LocatedFrame f, boolean single, boolean withMacs) {
        boolean frame = f.l3Offset >= 0 && (!withMacs || f.macOffset >= 0);
        return switch (f.kind) {
            case VXLAN -> single ? OTHER_ROLE : (byte) UnpairedReason.UNUSABLE.ordinal();
            case FRAGMENT, PLAIN -> single && f.kind == FrameKind.FRAGMENT ? OTHER_ROLE : !frame ? (byte) UnpairedReason.UNUSABLE.ordinal()
                    : f.truncated ? (byte) UnpairedReason.TRUNCATED.ordinal() : CANDIDATE;
            case UNUSABLE -> (byte) UnpairedReason.UNUSABLE.ordinal();
        };
    }

    long time(int packet) {
        return file.index().timestampNanos(packet);
    }

    int size() {
        return hash.length;
    }
}
