package org.tunnellens.capture;

/** The container formats the reader understands, named as capinfos names them. */
public enum CaptureFormat {
    PCAP_USEC("Wireshark/tcpdump/... - pcap (microsecond resolution)"),
    PCAP_NSEC("Wireshark/tcpdump/... - nanosecond pcap"),
    PCAP_MODIFIED("Modified tcpdump - pcap (Kuznetzov/Red Hat)"),
    PCAPNG("Wireshark/... - pcapng");

    private final String description;

    CaptureFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
