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
}
