package org.tunnellens.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.PacketDissector;

/**
 * The VNI table of the lab's underlay captures agrees with what the lab generator wrote into truth.json: the VNI,
 * the UDP port, the VTEPs at both ends and the VMs' MACs and IPs inside the tunnel.
 */
class VniTableLabTest {

    @ParameterizedTest
    @CsvSource({"samples/openstack-4789,compute1-ens3.pcap", "samples/openstack-4789,compute2-ens3.pcap",
        "samples/opennebula-8472,kvm1-enp0s8.pcap", "samples/opennebula-8472,kvm2-enp0s8.pcap"})
    void vniTableMatchesTheLabTruth(String scenario, String capture) throws Exception {
        Path dir = Path.of(scenario);
        assumeTrue(Files.exists(dir.resolve(capture)), "lab samples not present in this checkout");
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("truth.json").toFile());
        VniTable table;
        try (CaptureFile f = CaptureFile.open(dir.resolve(capture))) {
            table = CaptureStatistics.of(f, new PacketDissector(f)).vnis();
        }
        assertThat(table.entries()).hasSize(1);
        VniTable.Entry e = table.entries().get(0);
        assertThat(e.vni()).isEqualTo(truth.get("vni").asLong());
        assertThat(e.udpPorts()).containsExactly(truth.get("udp_port").asLong());
        List<String> vteps = new ArrayList<>();
        truth.get("vtep_ips").forEach(n -> vteps.add(n.asText()));
        assertThat(e.vteps()).containsKeys(vteps.get(0) + " -> " + vteps.get(1), vteps.get(1) + " -> " + vteps.get(0));
        Set<String> vmIps = new TreeSet<>();
        Set<String> vmMacs = new TreeSet<>();
        truth.get("vms").forEach(vm -> {
            vmIps.add(vm.get("ip").asText());
            vmMacs.add(vm.get("mac").asText());
        });
        assertThat(e.innerIps()).containsExactlyInAnyOrderElementsOf(vmIps);
        assertThat(e.innerMacs()).containsAll(vmMacs);
        assertThat(e.innerProtocols()).containsKey("eth:arp");
        assertThat(e.packets()).isEqualTo(e.vteps().values().stream().mapToLong(Long::longValue).sum());
    }
}
