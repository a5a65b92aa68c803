package org.tunnellens.capture;

/**
 * One capture interface: the single implicit one of a pcap file, or one pcapng Interface Description Block.
 *
 * @param name      {@code if_name} as the file records it (e.g. {@code enp0s8}), or null when it records none
 * @param tsDivisor pcapng {@code if_tsresol} as ticks per second (1_000_000 by default)
 */
public record CaptureInterface(int linkType, long snaplen, String name, String description, long tsDivisor,
                               long tsOffsetSeconds) {

    /** The name to show: the recorded name, else the interface number as Wireshark does. */
    public String displayName(int index) {
        return name != null ? name : description != null ? description : "interface " + index;
    }
}
