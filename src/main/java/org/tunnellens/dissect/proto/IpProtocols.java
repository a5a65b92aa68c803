package org.tunnellens.dissect.proto;

/** IANA protocol numbers as Wireshark names them. */
public final class IpProtocols {
    private IpProtocols() {
    }

    public static String name(long p) {
        return switch ((int) p) {
            case 1 -> "ICMP";
            case 2 -> "IGMP";
            case 4 -> "IPIP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 41 -> "IPv6";
            case 47 -> "GRE";
            case 50 -> "ESP";
            case 51 -> "AH";
            case 58 -> "ICMPv6";
            case 112 -> "VRRP";
            case 132 -> "SCTP";
            default -> null;
        };
    }
}
