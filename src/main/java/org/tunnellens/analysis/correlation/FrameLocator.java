package org.tunnellens.analysis.correlation;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.capture.LinkType;
import org.tunnellens.capture.PacketIndex;

/**
 * Walks only the headers pairing needs (link layer, IPv4, UDP, VXLAN) straight from the mapped file. Pairing a
 * million packets would spend most of its time in full dissection otherwise, and it needs none of the fields.
 * VXLAN is recognised on the configured ports and, elsewhere, by the same heuristic as the dissector's.
 */
public final class FrameLocator {
    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int VXLAN_HEADER = 8;
    private static final int ETHERNET_HEADER = 14;

    private final CaptureFile file;
    private final MemorySegment data;
    private final PacketIndex index;
    private final boolean[] vxlanPorts = new boolean[65536];
    private final boolean heuristic;

    public FrameLocator(CaptureFile file, int[] ports, boolean heuristic) {
        this.file = file;
        this.data = file.data();
        this.index = file.index();
        for (int p : ports) {
            vxlanPorts[p & 0xffff] = true;
        }
        this.heuristic = heuristic;
    }

    public CaptureFile file() {
        return file;
    }

    /** Fills {@code out} for packet {@code i} (0-based) and returns it. */
    public LocatedFrame locate(int i, LocatedFrame out) {
        out.clear();
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
                typeOff = skipVlanTags(base + 12, end);
                out.macOffset = base;
                out.dstMac = u48(base);
                out.srcMac = u48(base + 6);
            }
            case LinkType.LINUX_SLL -> {
                if (end - base < 16) {
                    return out;
                }
                typeOff = base + 14;
                if (u16(base + 4) == 6) { // link-layer address length: a MAC, the sender's
                    out.srcMac = u48(base + 6);
                }
            }
            case LinkType.LINUX_SLL2 -> {
                if (end - base < 20) {
                    return out;
                }
                typeOff = base;
                if (u8(base + 11) == 6) {
                    out.srcMac = u48(base + 12);
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
            if (end - base < 1 || (u8(base) >>> 4) != 4) {
                return out;
            }
            outerVxlan(out, base, end, cut);
            return out;
        }
        long l3 = link == LinkType.LINUX_SLL2 ? base + 20 : typeOff + 2;
        if (l3 > end) {
            return out;
        }
        // the frame as an inner-side candidate first; a VXLAN packet then replaces the key by its inner frame
        plain(out, u16(typeOff), l3, end, cut);
        if (u16(typeOff) == 0x0800) {
            outerVxlan(out, l3, end, cut);
        }
        return out;
    }

    /** True when the IPv4 packet at {@code ip} is VXLAN or a fragment (filled in); false leaves it plain. */
    private boolean outerVxlan(LocatedFrame out, long ip, long end, boolean cut) {
        if (end - ip < 20 || (u8(ip) >>> 4) != 4) {
            return false;
        }
        int ihl = (u8(ip) & 0x0f) * 4;
        int totalLength = u16(ip + 2);
        int fragment = u16(ip + 6);
        int proto = u8(ip + 9);
        int src = data.get(BE32, ip + 12);
        int dst = data.get(BE32, ip + 16);
        if (proto != 17 || ihl < 20) {
            return false;
        }
        boolean moreFragments = (fragment & 0x2000) != 0;
        int fragmentOffset = fragment & 0x1fff;
        if (moreFragments || fragmentOffset != 0) {
            // a later fragment shows no UDP header, so any may be tunnel traffic; the caller decides by side
            if (fragmentOffset == 0 && !isVxlanUdp(ip + ihl, end)) {
                return false;
            }
            out.kind = FrameKind.FRAGMENT;
            out.outerSrc = src;
            out.outerDst = dst;
            return true;
        }
        long udp = ip + ihl;
        if (!isVxlanUdp(udp, end)) {
            return false;
        }
        long vx = udp + 8;
        long inner = vx + VXLAN_HEADER;
        long ipEnd = totalLength < ihl ? end : Math.min(end, ip + totalLength);
        if (ipEnd - inner < ETHERNET_HEADER) {
            return false;
        }
        long typeOff = skipVlanTags(inner + 12, ipEnd);
        if (typeOff + 2 > ipEnd) {
            return false;
        }
        out.vni = (int) (Integer.toUnsignedLong(data.get(BE32, vx + 4)) >>> 8);
        out.outerSrc = src;
        out.outerDst = dst;
        out.udpPort = u16(udp + 2);
        out.macOffset = inner;
        out.dstMac = u48(inner);
        out.srcMac = u48(inner + 6);
        int innerWanted = (int) (totalLength < ihl ? end - inner : totalLength - ihl - 8 - VXLAN_HEADER);
        plain(out, u16(typeOff), typeOff + 2, ipEnd, cut);
        out.kind = FrameKind.VXLAN;
        out.frameLength = innerWanted;
        out.truncated = cut && (totalLength < ihl || ip + totalLength > end);
        return true;
    }

    private boolean isVxlanUdp(long udp, long end) {
        if (end - udp < 8 + VXLAN_HEADER + ETHERNET_HEADER) {
            return false;
        }
        int dport = u16(udp + 2);
        long vx = udp + 8;
        if (vxlanPorts[dport]) {
            return true;
        }
        if (!heuristic) {
            return false;
        }
        // the dissector's heuristic: flags 0x08, reserved bytes zero, plausible inner Ethernet
        if (u8(vx) != 0x08 || u8(vx + 1) != 0 || u16(vx + 2) != 0 || u8(vx + 7) != 0 || end - vx < 8 + 14 + 20) {
            return false;
        }
        long src = u48(vx + 8 + 6);
        long dst = u48(vx + 8);
        int type = u16(vx + 8 + 12);
        boolean srcUnicast = (src >>> 40 & 1) == 0 && src != 0;
        return srcUnicast && dst != 0 && (type == 0x0800 || type == 0x0806 || type == 0x86dd || type == 0x8100);
    }

    /** Fills the key range of a frame of EtherType {@code type} whose network layer starts at {@code l3}. */
    private void plain(LocatedFrame out, int type, long l3, long end, boolean cut) {
        out.kind = FrameKind.PLAIN;
        out.l3Offset = l3;
        long wanted = end;
        // a total length of 0 is BIG TCP / TSO (the length is in the capture only): then the captured bytes count
        if (type == 0x0800 && end - l3 >= 20 && u16(l3 + 2) >= 20) {
            wanted = l3 + u16(l3 + 2);
        } else if (type == 0x0806 && end - l3 >= 8) {
            wanted = l3 + 8 + 2L * (u8(l3 + 4) + u8(l3 + 5));
        } else if (type == 0x86dd && end - l3 >= 40 && u16(l3 + 4) > 0) {
            wanted = l3 + 40 + u16(l3 + 4);
        }
        out.truncated = cut && wanted > end;
        out.keyEnd = Math.min(wanted, end);
        long start = out.macOffset >= 0 ? out.macOffset : l3 - ETHERNET_HEADER;
        out.frameLength = (int) (Math.max(wanted, end) - start);
    }

    private long skipVlanTags(long typeOff, long end) {
        long t = typeOff;
        for (int n = 0; n < 4 && t + 6 <= end; n++) {
            int type = u16(t);
            if (type != 0x8100 && type != 0x88a8 && type != 0x9100) {
                break;
            }
            t += 4;
        }
        return t;
    }

    private int u8(long off) {
        return Byte.toUnsignedInt(data.get(ValueLayout.JAVA_BYTE, off));
    }

    private int u16(long off) {
        return Short.toUnsignedInt(data.get(BE16, off));
    }

    private long u48(long off) {
        return ((long) u16(off) << 32) | Integer.toUnsignedLong(data.get(BE32, off + 2));
    }
}
