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

    private static final Path DIR = Path.of("src/test/resources/topology");

    @Test
    void ipLinkShowGivesEachVxlanDeviceItsVniPortAndVteps() throws Exception {
        assertThat(read(DIR.resolve("ip-d-link-show-vxlan.txt"), "net1")).containsExactly(
                new SegmentFact("ip-d-link-show-vxlan.txt", "net1", "vxlan-1042", 1042, -1, 4789, "10.10.0.11", null),
                new SegmentFact("ip-d-link-show-vxlan.txt", "net1", "vxlan100", 100, -1, 8472, "192.168.56.101",
                        "192.168.56.102"));
    }

    @Test
    void openstackJsonAndOneVnetGiveTheSegmentationId() throws Exception {
        assertThat(read(DIR.resolve("openstack-network-show.json"), null)).extracting(SegmentFact::network,
                SegmentFact::vni).containsExactly(org.assertj.core.groups.Tuple.tuple("tenant-net", 1042));
        assertThat(read(DIR.resolve("onevnet-show.txt"), null)).extracting(SegmentFact::network, SegmentFact::vni)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("students-vxlan", 2001));
    }

    @Test
    void brTunFlowsGiveTheLocalVlanOfEachTunnelId() throws Exception {
        assertThat(read(DIR.resolve("ovs-ofctl-dump-flows-br-tun.txt"), "network1"))
                .extracting(SegmentFact::vni, SegmentFact::localVlan).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0x412, 3), org.assertj.core.groups.Tuple.tuple(0x140, 1),
                        org.assertj.core.groups.Tuple.tuple(0x412, 3), org.assertj.core.groups.Tuple.tuple(0x140, 1));
    }

    @Test
    void aFlowBasedOvsTunnelPortChecksTheVtepsOfEveryVni() throws Exception {
        List<SegmentFact> config = new ArrayList<>();
        config.add(new SegmentFact("net", null, "n", 100, -1, -1, null, null));
        config.addAll(read(DIR.resolve("ovs-vsctl-show.txt"), "compute1"));
        try (CaptureFile c = CaptureFile.open(Path.of("samples/corpus/vxlan-4789.pcap"))) {
            VniMapReport r = VniMapReport.build(config, VniMapReport.observe(List.of(c)));
            assertThat(r.rows()).hasSize(1);
            assertThat(r.rows().get(0).expectedVtepPairs()).containsExactly("192.168.122.11>192.168.122.12",
                    "192.168.122.12>192.168.122.11");
            assertThat(r.findings()).extracting(VniMapReport.Finding::kind)
                    .containsExactly("vtep-mismatch", "vtep-mismatch");
        }
    }

    @Test
    void wrongVtepsAndWrongPortAreReportedAgainstTheCorpusCapture() throws Exception {
        // vxlan-4789.pcap: VNI 100 between 192.168.203.1 and 192.168.202.1 on UDP 4789
        List<SegmentFact> config = List.of(new SegmentFact("cfg", "h", "vxlan100", 100, -1, 8472, "192.168.203.1",
                "192.168.202.9"));
        try (CaptureFile c = CaptureFile.open(Path.of("samples/corpus/vxlan-4789.pcap"))) {
            VniMapReport r = VniMapReport.build(config, VniMapReport.observe(List.of(c)));
            assertThat(r.findings()).extracting(VniMapReport.Finding::kind)
                    .containsExactlyInAnyOrder("vtep-mismatch", "vtep-mismatch", "port-mismatch");
            assertThat(r.rows().get(0).seen().packets).isEqualTo(10);
        }
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

            List<SegmentFact> withOvs = new ArrayList<>(facts);
            withOvs.addAll(read(Path.of("src/test/resources/topology/ovs-vsctl-show.txt"), "compute1"));
            assertThat(VniMapReport.build(withOvs, seen).findings()).isEmpty();

            List<SegmentFact> wrong = List.of(new SegmentFact("typo", null, "private", 321, -1, 8472, null, null));
            VniMapReport bad = VniMapReport.build(wrong, seen);
            assertThat(bad.findings()).extracting(VniMapReport.Finding::kind)
                    .containsExactlyInAnyOrder("vni-not-expected", "vni-not-seen");
        }
    }
}
