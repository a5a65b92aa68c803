package org.tunnellens.capture;

/** LINKTYPE_* values from tcpdump.org's link-layer header types registry, as pcap and pcapng store them. */
public final class LinkType {
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    public static final int RAW = 101;
    public static final int FRELAY = 107;
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }

    public static boolean isSupported(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW, FRELAY, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 -> true;
            default -> false;
        };
    }

    /** The name capinfos prints for a link type. */
    public static String describe(int linkType) {
        return switch (linkType) {
            case NULL -> "BSD loopback (NULL)";
            case ETHERNET -> "Ethernet";
            case RAW -> "Raw IP";
            case FRELAY -> "Frame Relay";
            case LOOP -> "OpenBSD loopback (LOOP)";
            case LINUX_SLL -> "Linux cooked-mode capture v1 (SLL)";
            case IPV4 -> "Raw IPv4";
            case IPV6 -> "Raw IPv6";
            case LINUX_SLL2 -> "Linux cooked-mode capture v2 (SLL2)";
            default -> "unsupported link type " + linkType;
        };
    }
}
