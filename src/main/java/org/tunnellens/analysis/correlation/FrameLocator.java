package org.tunnellens.analysis.correlation;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.capture.LinkType;
import org.tunnellens.capture.PacketIndex;
import org.tunnellens.dissect.DecodeConfig;
import org.tunnellens.dissect.proto.Vxlan;

/**
 * Walks only the headers pairing needs (link layer, IPv4, UDP, VXLAN) straight from the mapped file. Pairing a
 * million packets would spend most of its time in full dissection otherwise, and it needs none of the fields.
 * VXLAN is recognised on the configured ports and, elsewhere, by the same heuristic as the dissector's. Outer IPv4
 * fragments alone go through the dissector's reassembly ({@link FragmentedDatagrams}).
 */
public final class FrameLocator {
    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int VXLAN_HEADER = 8;
    private static final int ETHERNET_HEADER = 14;

    private final CaptureFile file;
    private final MemorySegment data;
    private final PacketIndex index;
    private final int[] ports;
    private final boolean[] vxlanPorts = new boolean[65536];
    private final boolean heuristic;
    /** Made on the first outer fragment: only fragments are dissected, everything else is walked in place. */
    private FragmentedDatagrams datagrams;

    /** VXLAN where the decode configuration's UDP table hands a port to it, and by its heuristic when on. */
    public FrameLocator(CaptureFile file, DecodeConfig decode) {
        this.file = file;
        this.data = file.data();
        this.index = file.index();
        this.ports = decode.tables().udpPortsOf(Vxlan.INSTANCE);
        for (int p : ports) {
            vxlanPorts[p] = true;
        }
        this.heuristic = decode.tables().heuristicEnabled(Vxlan.HEURISTIC_NAME);
    }

    public CaptureFile file() {
        return file;
    }

    /** Fills {@code out} for packet {@code i} (0-based) and returns it. */
    public LocatedFrame locate(int i, LocatedFrame out) {
        out.clear();
        if (out.bytes != data) {
            out.bytes = data; // a reference store only after a reassembled datagram: none on the fast path
        }
        long base = index.offset(i);
        long end = base + index.capturedLength(i);
        boolean cut = index.capturedLength(i) < index.originalLength(i);
        int link = file.linkType(i);
        long typeOff;
        switch (link) {
            case LinkType.ETHERNET -> {
                if (end - base < ETHERNET_HEADER) {
                    return out;
                }
                typeOff = skipVlanTags(data, base + 12, end);
                out.macOffset = base;
                out.dstMac = u48(data, base);
                out.srcMac = u48(data, base + 6);
            }
            case LinkType.LINUX_SLL -> {
                if (end - base < 16) {
                    return out;
                }
                typeOff = base + 14;
                if (u16(data, base + 4) == 6) { // link-layer address length: a MAC, the sender's
                    out.srcMac = u48(data, base + 6);
                }
            }
            case LinkType.LINUX_SLL2 -> {
                if (end - base < 20) {
                    return out;
                }
                typeOff = base;
                if (u8(data, base + 11) == 6) {
                    out.srcMac = u48(data, base + 12);
                }
            }
            case LinkType.RAW, LinkType.IPV4 -> {
                typeOff = -1;
            }
            default -> {
                return out;
            }
        }
        if (typeOff < 0) {
            if (end - base < 1 || (u8(data, base) >>> 4) != 4) {
                return out;
            }
            outerVxlan(out, i, base, end, cut);
            return out;
        }
        long l3 = link == LinkType.LINUX_SLL2 ? base + 20 : typeOff + 2;
        if (l3 > end) {
            return out;
        }
        // the frame as an inner-side candidate first; a VXLAN packet then replaces the key by its inner frame
        plain(out, data, u16(data, typeOff), l3, end, cut);
        if (u16(data, typeOff) == 0x0800) {
            outerVxlan(out, i, l3, end, cut);
        }
        return out;
    }

    /** True when the IPv4 packet at {@code ip} is VXLAN or a fragment (filled in); false leaves it plain. */
    private boolean outerVxlan(LocatedFrame out, int packet, long ip, long end, boolean cut) {
        if (end - ip < 20 || (u8(data, ip) >>> 4) != 4) {
            return false;
        }
        int ihl = (u8(data, ip) & 0x0f) * 4;
        int totalLength = u16(data, ip + 2);
        int fragment = u16(data, ip + 6);
        int proto = u8(data, ip + 9);
        int src = data.get(BE32, ip + 12);
        int dst = data.get(BE32, ip + 16);
        if (proto != 17 || ihl < 20) {
            return false;
        }
        if ((fragment & 0x3fff) != 0) { // more fragments, or an offset
            return fragment(out, packet, ip + ihl, end, (fragment & 0x1fff) == 0, src, dst);
        }
        long udp = ip + ihl;
        if (!isVxlanUdp(data, udp, end)) {
            return false;
        }
        long ipEnd = totalLength < ihl ? end : Math.min(end, ip + totalLength);
        int innerWanted = (int) (totalLength < ihl ? end - udp : totalLength - ihl) - 8 - VXLAN_HEADER;
        if (!vxlan(out, data, udp, ipEnd, innerWanted, cut)) {
            return false;
        }
        out.outerSrc = src;
        out.outerDst = dst;
        out.truncated = cut && (totalLength < ihl || ip + totalLength > end);
        return true;
    }

    /**
     * An outer UDP fragment (payload from {@code payload}). The frame that completes a VXLAN datagram pairs like any
     * VXLAN packet, its inner frame read from the reassembled bytes; the other pieces are {@link FrameKind#FRAGMENT},
     * naming the frame that reassembles them once the scan has passed it. A datagram the reassembly shows not to be
     * VXLAN leaves its completing frame plain, as the same datagram unfragmented would be.
     */
    private boolean fragment(LocatedFrame out, int packet, long payload, long end, boolean first, int src, int dst) {
        if (datagrams == null) {
            datagrams = new FragmentedDatagrams(file, ports);
        }
        if (first && !isVxlanUdp(data, payload, end)) {
            datagrams.note(packet); // the UDP header is here, and it is not VXLAN
            return false;
        }
        MemorySegment datagram = datagrams.completedBy(packet, out);
        if (datagram == null) {
            out.kind = FrameKind.FRAGMENT;
            out.outerSrc = src;
            out.outerDst = dst;
            return true;
        }
        long size = datagram.byteSize();
        if (!isVxlanUdp(datagram, 0, size)) {
            return false;
        }
        // the dissector reassembles only fragments captured whole: nothing of the datagram is cut off
        if (!vxlan(out, datagram, 0, size, (int) size - 8 - VXLAN_HEADER, false)) {
            return false;
        }
        out.outerSrc = src;
        out.outerDst = dst;
        return true;
    }

    /**
     * Fills the inner frame of the VXLAN datagram whose UDP header is at {@code udp} in {@code s} (bytes up to
     * {@code end} present), or returns false, leaving {@code out} as it was, when no inner frame fits.
     */
    private boolean vxlan(LocatedFrame out, MemorySegment s, long udp, long end, int innerWanted, boolean cut) {
        long vx = udp + 8;
        long inner = vx + VXLAN_HEADER;
        if (end - inner < ETHERNET_HEADER) {
            return false;
        }
        long typeOff = skipVlanTags(s, inner + 12, end);
        if (typeOff + 2 > end) {
            return false;
        }
        if (out.bytes != s) {
            out.bytes = s;
        }
        out.vni = (int) (Integer.toUnsignedLong(s.get(BE32, vx + 4)) >>> 8);
        out.udpPort = u16(s, udp + 2);
        out.macOffset = inner;
        out.dstMac = u48(s, inner);
        out.srcMac = u48(s, inner + 6);
        plain(out, s, u16(s, typeOff), typeOff + 2, end, cut);
        out.kind = FrameKind.VXLAN;
        out.frameLength = innerWanted;
        return true;
    }

    private boolean isVxlanUdp(MemorySegment s, long udp, long end) {
        if (end - udp < 8 + VXLAN_HEADER + ETHERNET_HEADER) {
            return false;
        }
        int dport = u16(s, udp + 2);
        long vx = udp + 8;
        if (vxlanPorts[dport]) {
            return true;
        }
        return heuristic && Vxlan.looksLikeVxlan(s, vx, end);
    }

    /** Fills the key range of a frame of EtherType {@code type} whose network layer starts at {@code l3} in {@code s}. */
    private static void plain(LocatedFrame out, MemorySegment s, int type, long l3, long end, boolean cut) {
        out.kind = FrameKind.PLAIN;
        out.l3Offset = l3;
        long wanted = end;
        // a total length of 0 is BIG TCP / TSO (the length is in the capture only): then the captured bytes count
        if (type == 0x0800 && end - l3 >= 20 && u16(s, l3 + 2) >= 20) {
            wanted = l3 + u16(s, l3 + 2);
        } else if (type == 0x0806 && end - l3 >= 8) {
            wanted = l3 + 8 + 2L * (u8(s, l3 + 4) + u8(s, l3 + 5));
        } else if (type == 0x86dd && end - l3 >= 40 && u16(s, l3 + 4) > 0) {
            wanted = l3 + 40 + u16(s, l3 + 4);
        }
        out.truncated = cut && wanted > end;
        out.keyEnd = Math.min(wanted, end);
        long start = out.macOffset >= 0 ? out.macOffset : l3 - ETHERNET_HEADER;
        out.frameLength = (int) (Math.max(wanted, end) - start);
    }

    private static long skipVlanTags(MemorySegment s, long typeOff, long end) {
        long t = typeOff;
        for (int n = 0; n < 4 && t + 6 <= end; n++) {
            int type = u16(s, t);
            if (type != 0x8100 && type != 0x88a8 && type != 0x9100) {
                break;
            }
            t += 4;
        }
        return t;
    }

    private static int u8(MemorySegment s, long off) {
        return Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, off));
    }

    private static int u16(MemorySegment s, long off) {
        return Short.toUnsignedInt(s.get(BE16, off));
    }

    private static long u48(MemorySegment s, long off) {
        return ((long) u16(s, off) << 32) | Integer.toUnsignedLong(s.get(BE32, off + 2));
    }
}
