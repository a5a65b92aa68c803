package org.tunnellens.dissect;

/**
 * The line being written in tcpdump's style ({@code tcpdump -n}, {@code -e} for link headers), handed from one
 * protocol's printer to the next as tcpdump's {@code ether_print} calls {@code ip_print}.
 */
public interface TcpdumpPrinter {
    StringBuilder out();

    /** {@code -e}: link-layer headers are printed. */
    boolean linkHeaders();

    /** Whether this frame's link header was printed, so a network layer leaves out its "IP " prefix. */
    boolean linkPrinted();

    void setLinkPrinted();

    /** The frame's length as tcpdump's {@code -e} reports it (the inner frame's for a tunnelled one). */
    int frameLength();

    /** The next layer at or after {@code layer} that the tree shows (hidden pseudo-protocols skipped). */
    int nextShown(int layer);

    /** Prints from {@code layer}: its protocol's printer, or its name when it has none. */
    void print(int layer);

    /** Starts a new line for the frame a tunnel carries, from {@code layer}, as tcpdump does. */
    void printInnerFrame(int layer);

    /** The network layer's addresses, for the transport's "10.0.0.1.80 > 10.0.0.2.5000". */
    void setAddresses(String source, String destination);

    String source();

    String destination();

    /** A printer's state across the lines of one run (tcpdump's relative TCP sequence numbers). */
    <T> T state(StateKey<T> key);

    /** tcpdump's name for an ethertype in {@code -e} output ("IPv4", "802.1Q-QinQ"), or "Unknown". */
    static String ethertypeName(long type) {
        return switch ((int) type) {
            case 0x0800 -> "IPv4";
            case 0x0806 -> "ARP";
            case 0x8035 -> "Reverse ARP";
            case 0x86dd -> "IPv6";
            case 0x8100 -> "802.1Q";
            case 0x88a8 -> "802.1Q-QinQ";
            case 0x9100 -> "802.1Q-9100";
            case 0x8847 -> "MPLS unicast";
            case 0x8848 -> "MPLS multicast";
            case 0x6558 -> "TEB";
            case 0x88cc -> "LLDP";
            case 0x888e -> "EAPOL";
            default -> "Unknown";
        };
    }
}
