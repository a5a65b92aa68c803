package org.tunnellens.ui;

/**
 * The packet-list columns of one packet, computed on demand when the row scrolls into view and kept only in a
 * small cache. Source and destination are the raw column text; the view swaps in vendor names when asked.
 *
 * @param number 1-based frame number
 * @param vni    the outermost VXLAN VNI, or -1
 */
public record PacketRow(int number, long timestampNanos, String source, String destination, String protocol,
                        int length, long vni, String info, RowColour colour, long sourceMac, long destinationMac) {

    public String vniText() {
        return vni < 0 ? "" : Long.toString(vni);
    }
}
