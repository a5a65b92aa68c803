package org.tunnellens.dissect.firstpass;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.tunnellens.dissect.DissectorSession;
import org.tunnellens.dissect.StateKey;

/**
 * The IPv4 fragments one dissector has seen, grouped into datagrams (RFC 791 section 3.2: same source, destination,
 * protocol and identification), so that the fragment that completes a datagram can decode it whole, as Wireshark
 * does with {@code ip.defragment} on (its default). Only fragments are stored: a capture without any costs nothing
 * but one bit per packet.
 *
 * <p>Which frame reassembles a datagram does not depend on the order packets are dissected in: it is the frame, in
 * capture order, whose fragment completed the coverage of the datagram. A dissector that jumps to a last fragment
 * (the app, on a click) first dissects up to {@link #LOOK_BEHIND} earlier packets it has not seen, to find the
 * others.
 */
public final class Ipv4Fragments {
    /** One per dissector session, shared with its look-behind dissector. */
    public static final StateKey<Ipv4Fragments> KEY = StateKey.ofSession("IPv4 fragments", Ipv4Fragments::new);
    /** How far back a fragment looks for the earlier pieces of its datagram (Linux gives up after 30 s). */
    public static final int LOOK_BEHIND = 256;
    /** More fragments than this for one datagram is an attack, not traffic (the smallest is 8 bytes: 8192). */
    public static final int MAX_FRAGMENTS = 8192;

    private record Key(long src, long dst, int id, int proto) {
    }

    private record FrameKey(int frameNumber, Key key) {
    }

    /** One datagram's fragments, in the order they were seen. */
    public static final class Datagram {
        private int count;
        private int[] frame = new int[4];
        private long[] fileOffset = new long[4];
        private int[] fragOffset = new int[4];
        private int[] length = new int[4];
        /** Bytes in the whole datagram, known once the fragment without "more fragments" was seen; -1 before. */
        private int totalLength = -1;
        /** Frame number that completes the datagram, 0 while incomplete. */
        private int completedIn;
        private boolean lookedBehind;

        public int completedIn() {
            return completedIn;
        }

        public int totalLength() {
            return totalLength;
        }

        /** Fragments in capture order that make up the datagram (frame numbers), once complete. */
        public int count() {
            return count;
        }

        public int frame(int k) {
            return frame[k];
        }

        public int fragmentOffset(int k) {
            return fragOffset[k];
        }

        public int fragmentLength(int k) {
            return length[k];
        }

        /** Fragment indexes in datagram order (offset, then frame), as Wireshark lists them. */
        public int[] byOffset() {
            Integer[] k = new Integer[count];
            for (int i = 0; i < count; i++) {
                k[i] = i;
            }
            java.util.Arrays.sort(k, java.util.Comparator.<Integer>comparingInt(i -> fragOffset[i])
                    .thenComparingInt(i -> frame[i]));
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = k[i];
            }
            return out;
        }

        private boolean has(int frameNumber, int off) {
            for (int k = 0; k < count; k++) {
                if (frame[k] == frameNumber && fragOffset[k] == off) {
                    return true;
                }
            }
            return false;
        }

        private void add(int frameNumber, long at, int off, int len) {
            if (count == frame.length) {
                int n = count * 2;
                frame = Arrays.copyOf(frame, n);
                fileOffset = Arrays.copyOf(fileOffset, n);
                fragOffset = Arrays.copyOf(fragOffset, n);
                length = Arrays.copyOf(length, n);
            }
            // kept sorted by frame number, so "the frame that completes it" is the same whatever the visiting order
            int k = count;
            while (k > 0 && frame[k - 1] > frameNumber) {
                frame[k] = frame[k - 1];
                fileOffset[k] = fileOffset[k - 1];
                fragOffset[k] = fragOffset[k - 1];
                length[k] = length[k - 1];
                k--;
            }
            frame[k] = frameNumber;
            fileOffset[k] = at;
            fragOffset[k] = off;
            length[k] = len;
            count++;
        }

        /** Walks the fragments in capture order and notes the frame after which every byte is covered. */
        private void findCompletion() {
            completedIn = 0;
            if (totalLength < 0) {
                return;
            }
            BitSet covered = new BitSet(totalLength);
            for (int k = 0; k < count; k++) {
                int end = Math.min(totalLength, fragOffset[k] + length[k]);
                if (end > fragOffset[k]) {
                    covered.set(fragOffset[k], end);
                }
                if (covered.nextClearBit(0) >= totalLength) {
                    completedIn = frame[k];
                    count = k + 1; // later copies (retransmitted fragments) belong to no datagram here
                    return;
                }
            }
        }

        private boolean coversBelow(int off) {
            BitSet covered = new BitSet(off);
            for (int k = 0; k < count; k++) {
                int end = Math.min(off, fragOffset[k] + length[k]);
                if (end > fragOffset[k]) {
                    covered.set(fragOffset[k], end);
                }
            }
            return covered.nextClearBit(0) >= off;
        }
    }

    private final DissectorSession session;
    private final Map<Key, Datagram> open = new HashMap<>();
    /** The datagram a fragment belongs to, for a frame dissected again after its identification was reused. */
    private final Map<FrameKey, Datagram> byFrame = new HashMap<>();
    private boolean scanning;
    /** Packets dissected by look-behind searches so far (each at most once). */
    private long lookedBehindPackets;

    private Ipv4Fragments(DissectorSession session) {
        this.session = session;
    }

    /**
     * Records one fragment (payload at {@code fileOffset} in the capture, {@code len} bytes at byte offset
     * {@code off} of the datagram) and returns its datagram.
     */
    public Datagram add(int frameNumber, long src, long dst, int id, int proto, long fileOffset, int off, int len,
                 boolean more) {
        Key key = new Key(src, dst, id, proto);
        Datagram known = byFrame.get(new FrameKey(frameNumber, key));
        if (known != null && known.has(frameNumber, off)) {
            return known;
        }
        Datagram dg = open.get(key);
        if (dg == null || (dg.completedIn != 0 && dg.completedIn < frameNumber)) {
            dg = new Datagram(); // the IP identification is reused once a datagram is complete
            open.put(key, dg);
        }
        if (dg.count < MAX_FRAGMENTS && (dg.completedIn == 0 || frameNumber < dg.completedIn)) {
            dg.add(frameNumber, fileOffset, off, len);
            if (!more) {
                dg.totalLength = off + len;
            }
            byFrame.put(new FrameKey(frameNumber, key), dg);
            dg.findCompletion();
        }
        if (dg.completedIn == 0 && off > 0 && !dg.lookedBehind && !scanning
                && !dg.coversBelow(off)) {
            dg.lookedBehind = true;
            scanBack(frameNumber - 1, dg);
        }
        return dg;
    }

    public long lookedBehindPackets() {
        return lookedBehindPackets;
    }

    private void scanBack(int packetIndex, Datagram dg) {
        scanning = true;
        try {
            for (int i = packetIndex - 1; i >= 0 && i >= packetIndex - LOOK_BEHIND && dg.completedIn == 0; i--) {
                if (!session.visited(i)) {
                    lookedBehindPackets++;
                    session.dissectEarlier(i);
                }
            }
        } finally {
            scanning = false;
        }
    }

    /**
     * The datagram's bytes, copied from its fragments in capture order (the first copy of a byte wins), or null when
     * the file no longer holds them all.
     */
    public byte[] reassemble(Datagram dg) {
        long needed = 0;
        for (int k = 0; k < dg.count; k++) {
            needed = Math.max(needed, dg.fileOffset[k] + dg.length[k]);
        }
        if (needed > session.fileSizeNow()) {
            return null;
        }
        byte[] out = new byte[dg.totalLength];
        BitSet written = new BitSet(dg.totalLength);
        for (int k = 0; k < dg.count; k++) {
            int from = dg.fragOffset[k];
            int end = Math.min(dg.totalLength, from + dg.length[k]);
            for (int at = written.nextClearBit(from); at < end; at = written.nextClearBit(at)) {
                int runEnd = Math.min(end, written.nextSetBit(at) < 0 ? end : written.nextSetBit(at));
                MemorySegment.copy(session.fileData(), java.lang.foreign.ValueLayout.JAVA_BYTE, dg.fileOffset[k] + (at - from),
                        out, at, runEnd - at);
                written.set(at, runEnd);
                at = runEnd;
            }
        }
        return out;
    }
}
