package org.tunnellens.ui.ha;

import java.nio.file.Path;
import java.util.List;

/** The lab captures the view tests read, relative to the project root. */
final class HaSamples {
    static final Path DIRECTOR1_ETH0 = Path.of("samples/keepalived-vrrp/director1-eth0.pcap");
    static final Path DIRECTOR2_ETH0 = Path.of("samples/keepalived-vrrp/director2-eth0.pcap");
    static final Path DIRECTOR2_ETH1 = Path.of("samples/keepalived-vrrp/director2-eth1.pcap");
    static final List<Path> VRRP = List.of(DIRECTOR1_ETH0, DIRECTOR2_ETH0, DIRECTOR2_ETH1);
    static final Path LVS_CLIENT = Path.of("samples/lvs-nat/client-eth0.pcap");
    static final Path LVS_BACK = Path.of("samples/lvs-nat/director-eth1.pcap");
    static final List<Path> LVS = List.of(LVS_CLIENT, LVS_BACK);
    static final List<Path> LVS_BYPASS = List.of(Path.of("samples/lvs-nat-direct-reply/client-eth0.pcap"),
            Path.of("samples/lvs-nat-direct-reply/director-eth1.pcap"));

    private HaSamples() {
    }
}
