package org.tunnellens.analysis.correlation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.capture.CaptureInterface;
import org.tunnellens.capture.LinkType;

/**
 * Pairs the sightings of the same frame in two captures (or in the two roles of one capture): the frame inside
 * VXLAN in the first capture against the plain frame, or the frame inside VXLAN, in the second.
 *
 * <p>Equal bytes are found through a hash table of the second capture's distinct frames; repeated equal frames
 * (ARP retries, retransmissions) pair nearest in time within the window. The second capture's clock offset is
 * estimated from the frames that occur exactly once in each capture before the time-window pass.
 */
public final class FrameCorrelator {
    private final CorrelationOptions options;

    public FrameCorrelator(CorrelationOptions options) {
        this.options = options;
    }

    /** Correlates the outer capture {@code first} with {@code second}; pass the same file twice for one capture. */
    public CorrelationResult correlate(CaptureFile first, CaptureFile second) {
        boolean single = first == second;
        boolean withMacs = !cooked(first) && !cooked(second);
        FrameLocator locA = new FrameLocator(first, options.decode());
        FrameLocator locB = single ? locA : new FrameLocator(second, options.decode());
        CaptureSide a = CaptureSide.scan(locA, true, single, withMacs, null);
        CorrelationMode mode;
        CaptureSide b;
        if (single) {
            mode = CorrelationMode.SINGLE_CAPTURE;
            boolean[] underlay = underlayInterfaces(first, a);
            if (underlay != null) {
                a = CaptureSide.scan(locA, true, true, withMacs, null, underlay);
            }
            b = CaptureSide.scan(locB, false, true, withMacs, null, underlay);
        } else {
            CaptureSide asInner = CaptureSide.scan(locB, false, false, withMacs, null);
            if (asInner.vxlanPackets * 2 > second.packetCount()) {
                mode = CorrelationMode.OUTER_OUTER;
                b = CaptureSide.scan(locB, true, false, withMacs, null);
            } else {
                mode = CorrelationMode.OUTER_INNER;
                b = asInner;
            }
        }
        FrameClasses classes = new FrameClasses(b, withMacs);
        int[] classOfA = classify(a, classes);
        int vtepA = LocalVtep.of(a);
        int vtepB = mode == CorrelationMode.OUTER_OUTER ? LocalVtep.of(b) : 0;
        Directions directions = new Directions(mode, vtepA, vtepB);
        ClockOffset offset = estimateOffset(a, b, classes, classOfA, directions);
        if (options.clockOffsetNanos() == null
                && (vtepA == 0 || (mode == CorrelationMode.OUTER_OUTER && vtepB == 0))) {
            Directions inferred = inferVteps(a, b, classes, classOfA, offset.nanos(), mode);
            if (inferred != null) {
                directions = inferred;
                vtepA = inferred.vtepA();
                vtepB = inferred.vtepB();
                offset = estimateOffset(a, b, classes, classOfA, directions);
            }
        }
        PairTable pairs = new PairTable(Math.min(a.candidates, b.candidates));
        boolean[] pairedB = new boolean[b.size()];
        boolean[] pairedA = new boolean[a.size()];
        pair(a, b, classes, classOfA, offset.nanos(), directions, pairs, pairedA, pairedB);

        TreeSet<Integer> vnis = new TreeSet<>();
        for (int i = 0; i < pairs.size(); i++) {
            vnis.add(pairs.vni(i));
        }
        UnpairedFrames unpairedA = unpairedOuter(a, b, pairedA, offset.nanos(), vnis);
        UnpairedFrames unpairedB = unpairedInner(a, b, pairedB, offset.nanos(), remoteMacs(a, vtepA),
                mode != CorrelationMode.OUTER_OUTER);
        CorrelationSummary summary = summarize(mode, a, b, pairs, unpairedA, unpairedB, offset, vtepA, vtepB,
                vnis);
        return new CorrelationResult(first.path(), second.path(), pairs, unpairedA, unpairedB, summary);
    }

    /** Interfaces of a several-interface capture that carry VXLAN, or null for a one-interface capture. */
    private static boolean[] underlayInterfaces(CaptureFile f, CaptureSide outer) {
        if (f.interfaces().size() < 2) {
            return null;
        }
        boolean[] u = new boolean[f.interfaces().size()];
        for (int i = 0; i < outer.size(); i++) {
            if (outer.state[i] == CaptureSide.CANDIDATE) {
                u[f.index().interfaceId(i)] = true;
            }
        }
        return u;
    }

    private static boolean cooked(CaptureFile f) {
        for (CaptureInterface i : f.interfaces()) {
            if (i.linkType() == LinkType.LINUX_SLL || i.linkType() == LinkType.LINUX_SLL2) {
                return true;
            }
        }
        return false;
    }

    private static int[] classify(CaptureSide a, FrameClasses classes) {
        int[] classOf = new int[a.size()];
        LocatedFrame f = new LocatedFrame();
        for (int i = 0; i < classOf.length; i++) {
            classOf[i] = -1;
            if (a.state[i] == CaptureSide.CANDIDATE) {
                a.locator.locate(i, f);
                classOf[i] = classes.find(a.hash[i], f);
            }
        }
        return classOf;
    }

    /** Which way each pair went, from the VTEP addresses when the captures show them, else from time order. */
    private record Directions(CorrelationMode mode, int vtepA, int vtepB) {
        /** The direction from addresses alone, or null when they do not tell. */
        PairDirection of(int src, int dst) {
            if (mode == CorrelationMode.OUTER_OUTER) {
                if (vtepA != 0 && src == vtepA) {
                    return PairDirection.FIRST_TO_SECOND;
                }
                if (vtepB != 0 && src == vtepB) {
                    return PairDirection.SECOND_TO_FIRST;
                }
                return null;
            }
            if (vtepA != 0 && src == vtepA) {
                return PairDirection.ENCAPSULATED;
            }
            if (vtepA != 0 && dst == vtepA) {
                return PairDirection.DECAPSULATED;
            }
            return null;
        }

        PairDirection byTime(long timeA, long timeB) {
            boolean aFirst = timeA <= timeB;
            if (mode == CorrelationMode.OUTER_OUTER) {
                return aFirst ? PairDirection.FIRST_TO_SECOND : PairDirection.SECOND_TO_FIRST;
            }
            return aFirst ? PairDirection.DECAPSULATED : PairDirection.ENCAPSULATED;
        }
    }

    /**
     * Local VTEPs by vote of the unambiguous pairs' time order under a first offset estimate: the address that
     * sent what the first capture saw first is the remote end in outer-inner mode and the first capture's own
     * VTEP between two underlay captures.
     */
    private static Directions inferVteps(CaptureSide a, CaptureSide b, FrameClasses classes, int[] classOfA,
                                         long offset, CorrelationMode mode) {
        int[] countA = new int[classes.classes()];
        for (int c : classOfA) {
            if (c >= 0) {
                countA[c]++;
            }
        }
        Map<Integer, Integer> votesA = new java.util.HashMap<>();
        Map<Integer, Integer> votesB = new java.util.HashMap<>();
        for (int pa = 0; pa < classOfA.length; pa++) {
            int c = classOfA[pa];
            if (c < 0 || countA[c] != 1 || classes.memberCount(c) != 1) {
                continue;
            }
            long tb = b.time(classes.members[classes.start[c]]) + offset;
            boolean aFirst = a.time(pa) <= tb;
            if (mode == CorrelationMode.OUTER_OUTER) {
                (aFirst ? votesA : votesB).merge(a.outerSrc[pa], 1, Integer::sum);
            } else {
                votesA.merge(aFirst ? a.outerDst[pa] : a.outerSrc[pa], 1, Integer::sum);
            }
        }
        int vtepA = winner(votesA);
        int vtepB = mode == CorrelationMode.OUTER_OUTER ? winner(votesB) : 0;
        return vtepA == 0 ? null : new Directions(mode, vtepA, vtepB);
    }

    /** The address with more than two thirds of the votes, else 0: a split vote leaves direction to time order. */
    private static int winner(Map<Integer, Integer> votes) {
        int total = votes.values().stream().mapToInt(Integer::intValue).sum();
        return votes.entrySet().stream().filter(e -> e.getValue() * 3 > total * 2).map(Map.Entry::getKey)
                .findFirst().orElse(0);
    }

    private ClockOffset estimateOffset(CaptureSide a, CaptureSide b, FrameClasses classes, int[] classOfA,
                                       Directions dirs) {
        if (options.clockOffsetNanos() != null) {
            return new ClockOffset(options.clockOffsetNanos(), 0, "given", options.clockOffsetNanos());
        }
        int[] countA = new int[classes.classes()];
        int[] onlyA = new int[classes.classes()];
        for (int i = 0; i < classOfA.length; i++) {
            int c = classOfA[i];
            if (c >= 0) {
                countA[c]++;
                onlyA[c] = i;
            }
        }
        long[] aFirst = new long[16];
        long[] bFirst = new long[16];
        long[] all = new long[16];
        int na = 0;
        int nb = 0;
        int n = 0;
        for (int c = 0; c < countA.length; c++) {
            if (countA[c] != 1 || classes.memberCount(c) != 1) {
                continue;
            }
            int pa = onlyA[c];
            long r = a.time(pa) - b.time(classes.members[classes.start[c]]);
            if (n == all.length) {
                all = java.util.Arrays.copyOf(all, n * 2);
            }
            all[n++] = r;
            PairDirection d = dirs.of(a.outerSrc[pa], a.outerDst[pa]);
            if (d == null) {
                continue;
            }
            if (d.firstCaptureSawItFirst()) {
                if (na == aFirst.length) {
                    aFirst = java.util.Arrays.copyOf(aFirst, na * 2);
                }
                aFirst[na++] = r;
            } else {
                if (nb == bFirst.length) {
                    bFirst = java.util.Arrays.copyOf(bFirst, nb * 2);
                }
                bFirst[nb++] = r;
            }
        }
        if (n == 0) {
            return new ClockOffset(0, 0, "none", 0);
        }
        long estimate;
        String method;
        if (na > 0 && nb > 0) {
            // r = offset - delay when the first capture saw it first, offset + delay otherwise
            estimate = Math.floorDiv(DelayStats.median(aFirst, na) + DelayStats.median(bFirst, nb), 2);
            method = "symmetric";
        } else {
            estimate = DelayStats.median(all, n);
            method = "one-way";
        }
        if (Math.abs(estimate) < options.sameClockToleranceNanos()) {
            return new ClockOffset(0, n, "same-clock", estimate);
        }
        return new ClockOffset(estimate, n, method, estimate);
    }

    private void pair(CaptureSide a, CaptureSide b, FrameClasses classes, int[] classOfA, long offset,
                      Directions dirs, PairTable pairs, boolean[] pairedA, boolean[] pairedB) {
        long window = options.windowNanos();
        int[] cursor = java.util.Arrays.copyOf(classes.start, classes.classes());
        int[] members = classes.members;
        for (int pa : a.order) {
            int c = classOfA[pa];
            if (c < 0) {
                continue;
            }
            long ta = a.time(pa);
            int end = classes.start[c + 1];
            int k = cursor[c];
            // members before the window (or already taken at the front) can serve no later packet of A either
            while (k < end && (pairedB[members[k]] || b.time(members[k]) + offset < ta - window)) {
                k++;
            }
            cursor[c] = k;
            int best = -1;
            long bestGap = Long.MAX_VALUE;
            for (; k < end; k++) {
                int pb = members[k];
                long tb = b.time(pb) + offset;
                if (tb > ta + window) {
                    break;
                }
                long gap = Math.abs(tb - ta);
                if (!pairedB[pb] && gap < bestGap) {
                    best = pb;
                    bestGap = gap;
                }
            }
            if (best < 0) {
                continue;
            }
            pairedB[best] = true;
            pairedA[pa] = true;
            long tb = b.time(best) + offset;
            PairDirection d = dirs.of(a.outerSrc[pa], a.outerDst[pa]);
            if (d == null) {
                d = dirs.byTime(ta, tb);
            }
            long delta = d.firstCaptureSawItFirst() ? tb - ta : ta - tb;
            pairs.add(pa + 1, best + 1, a.vni[pa], a.outerSrc[pa], a.outerDst[pa], d, delta);
        }
    }

    private UnpairedFrames unpairedOuter(CaptureSide a, CaptureSide b, boolean[] paired, long offset,
                                         TreeSet<Integer> vnis) {
        UnpairedFrames out = new UnpairedFrames();
        long window = options.windowNanos();
        LocatedFrame f = new LocatedFrame();
        for (int i = 0; i < a.size(); i++) {
            byte st = a.state[i];
            if (paired[i] || st == CaptureSide.OTHER_ROLE) {
                continue;
            }
            if (st != CaptureSide.CANDIDATE) {
                addKnown(out, a, i, f);
            } else if (outside(a.time(i), b.firstTime + offset, b.lastTime + offset, window)) {
                out.add(i + 1, UnpairedReason.OUTSIDE_TIME_SPAN);
            } else if (!vnis.isEmpty() && !vnis.contains(a.vni[i])) {
                out.add(i + 1, UnpairedReason.OTHER_VNI);
            } else {
                out.add(i + 1, UnpairedReason.LOST);
            }
        }
        return out;
    }

    private UnpairedFrames unpairedInner(CaptureSide a, CaptureSide b, boolean[] paired, long offset,
                                         MacSet remoteMacs, boolean bridgeSide) {
        UnpairedFrames out = new UnpairedFrames();
        long window = options.windowNanos();
        LocatedFrame f = new LocatedFrame();
        for (int i = 0; i < b.size(); i++) {
            byte st = b.state[i];
            if (paired[i] || st == CaptureSide.OTHER_ROLE) {
                continue;
            }
            if (st != CaptureSide.CANDIDATE) {
                addKnown(out, b, i, f);
                continue;
            }
            b.locator.locate(i, f);
            // local first: a frame between the host and its own VM never enters the tunnel, whenever it was sent
            if (bridgeSide && remoteMacs.size() > 0 && isLocal(f, remoteMacs)) {
                out.add(i + 1, UnpairedReason.LOCAL);
            } else if (outside(b.time(i) + offset, a.firstTime, a.lastTime, window)) {
                out.add(i + 1, UnpairedReason.OUTSIDE_TIME_SPAN);
            } else if (bridgeSide && f.frameLength + CorrelationOptions.VXLAN_OVERHEAD > options.underlayMtu()) {
                out.add(i + 1, UnpairedReason.TOO_BIG);
            } else {
                out.add(i + 1, UnpairedReason.LOST);
            }
        }
        return out;
    }

    /** Lists packet {@code i} with the reason known from the packet alone (a fragment names its reassembling frame). */
    private static void addKnown(UnpairedFrames out, CaptureSide side, int i, LocatedFrame scratch) {
        UnpairedReason r = UnpairedReason.values()[side.state[i]];
        if (r == UnpairedReason.FRAGMENT) {
            out.add(i + 1, r, side.locator.locate(i, scratch).reassembledIn);
        } else {
            out.add(i + 1, r);
        }
    }

    /**
     * MACs of the machines behind other VTEPs: inner sources of the VXLAN packets this host did not send (all
     * inner addresses when the local VTEP is unknown). The host's own VMs appear inside VXLAN too, but only as
     * sources of what it sends.
     */
    private static MacSet remoteMacs(CaptureSide a, int vtepA) {
        MacSet macs = new MacSet();
        LocatedFrame f = new LocatedFrame();
        for (int i = 0; i < a.size(); i++) {
            if (a.state[i] != CaptureSide.CANDIDATE || (vtepA != 0 && a.outerSrc[i] == vtepA)) {
                continue;
            }
            a.locator.locate(i, f);
            macs.add(f.srcMac);
            if (vtepA == 0) {
                macs.add(f.dstMac);
            }
        }
        return macs;
    }

    /** Neither end of the frame is behind another VTEP: traffic between the host and its own VMs. */
    private static boolean isLocal(LocatedFrame f, MacSet remoteMacs) {
        boolean dstGroup = (f.dstMac >>> 40 & 1) == 1;
        boolean srcRemote = f.srcMac != 0 && remoteMacs.contains(f.srcMac);
        boolean dstRemote = !dstGroup && f.macOffset >= 0 && remoteMacs.contains(f.dstMac);
        return !srcRemote && !dstRemote;
    }

    private static boolean outside(long t, long from, long to, long window) {
        return t < from - window || t > to + window;
    }

    private static CorrelationSummary summarize(CorrelationMode mode, CaptureSide a, CaptureSide b, PairTable pairs,
                                                UnpairedFrames ua, UnpairedFrames ub, ClockOffset offset,
                                                int vtepA, int vtepB, TreeSet<Integer> vnis) {
        long[] all = new long[pairs.size()];
        Map<PairDirection, long[]> byDir = new EnumMap<>(PairDirection.class);
        Map<PairDirection, Integer> counts = new EnumMap<>(PairDirection.class);
        for (int i = 0; i < pairs.size(); i++) {
            all[i] = pairs.deltaNanos(i);
            PairDirection d = pairs.direction(i);
            long[] arr = byDir.computeIfAbsent(d, k -> new long[pairs.size()]);
            int n = counts.merge(d, 1, Integer::sum);
            arr[n - 1] = pairs.deltaNanos(i);
        }
        Map<PairDirection, DelayStats> stats = new EnumMap<>(PairDirection.class);
        byDir.forEach((d, arr) -> stats.put(d, DelayStats.of(arr, counts.get(d))));
        List<Integer> vteps = new ArrayList<>();
        if (vtepA != 0) {
            vteps.add(vtepA);
        }
        if (vtepB != 0) {
            vteps.add(vtepB);
        }
        int outerPackets = a.size() - count(a.state, CaptureSide.OTHER_ROLE);
        int innerPackets = b.size() - count(b.state, CaptureSide.OTHER_ROLE);
        return new CorrelationSummary(mode, pairs.size(), outerPackets, innerPackets, ua.countByReason(),
                ub.countByReason(), offset, DelayStats.of(all, all.length), stats, List.copyOf(vteps),
                List.copyOf(vnis));
    }

    private static int count(byte[] states, byte value) {
        int n = 0;
        for (byte s : states) {
            if (s == value) {
                n++;
            }
        }
        return n;
    }
}
