package org.tunnellens.analysis.vnimap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnellens.capture.CaptureFile;

class VniMapReportTest {
    private static final Path STACK = Path.of("samples/openstack-4789");

    private static List<SegmentFact> read(Path file, String host) throws Exception {
        String text = Files.readString(file);
        TopologyParser p = TopologyParser.all().stream().filter(x -> x.accepts(text)).findFirst().orElseThrow();
        return p.parse(text, file.getFileName().toString(), host);
    }

    @Test
    void ovsVsctlShowGivesTheTunnelPortsVtepsAndTheDefaultPort() throws Exception {
        List<SegmentFact> f = read(Path.of("src/test/resources/topology/ovs-vsctl-show.txt"), "compute1");
        assertThat(f).containsExactly(new SegmentFact("ovs-vsctl-show.txt", "compute1", "vxlan-c0a87a0c", -1, -1,
                4789, "192.168.122.11", "192.168.122.12"));
    }

    @Test
    void labConfigurationMatchesTheWireAndAWrongSegmentationIdIsReported() throws Exception {
        assumeTrue(Files.exists(STACK.resolve("openstack-network-show.txt")), "lab samples not generated");
        List<SegmentFact> facts = new ArrayList<>();
        facts.addAll(read(STACK.resolve("openstack-network-show.txt"), null));
        facts.addAll(read(STACK.resolve("ovs-ofctl-dump-flows-br-tun.txt"), "compute1"));
        facts.addAll(read(STACK.resolve("compute1-ip-d-link-show-vxlan_sys_4789.txt"), "compute1"));
        try (CaptureFile c = CaptureFile.open(STACK.resolve("compute1-ens3.pcap"))) {
            var seen = VniMapReport.observe(List.of(c));
            VniMapReport ok = VniMapReport.build(facts, seen);
            assertThat(ok.findings()).isEmpty();
            assertThat(ok.rows()).hasSize(1);
            assertThat(ok.rows().get(0).vniHex()).isEqualTo("0x140");
            assertThat(ok.rows().get(0).localVlanByHost()).containsEntry("compute1", 1);

            List<SegmentFact> wrong = List.of(new SegmentFact("typo", null, "private", 321, -1, 8472, null, null));
            VniMapReport bad = VniMapReport.build(wrong, seen);
            assertThat(bad.findings()).extracting(VniMapReport.Finding::kind)
                    .containsExactlyInAnyOrder("vni-not-expected", "vni-not-seen");
        }
    }
}
