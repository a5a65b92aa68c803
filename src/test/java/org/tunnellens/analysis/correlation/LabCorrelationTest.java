package org.tunnellens.analysis.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.Arp;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.Ethernet;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.FieldFormatter;
import org.tunnellens.dissect.Icmp;
import org.tunnellens.dissect.Ipv4;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.dissect.Vxlan;

/**
 * The lab captures (samples/, written by samples/lab/make-samples.sh with a truth.json each): the physical NIC
 * against the bridge or tunnel device of the same host, and the two ends of one tunnel.
 */
class LabCorrelationTest {
    private static final Path ONE = Path.of("samples/opennebula-8472");

    @TempDir
    Path tmp;

    private static JsonNode truth(Path dir) throws Exception {
        assumeTrue(Files.exists(dir.resolve("truth.json")), "lab samples not generated: " + dir);
        return new ObjectMapper().readTree(dir.resolve("truth.json").toFile());
    }

    /** Field value inside the innermost VXLAN (or anywhere without VXLAN) as tshark prints it, else "". */
    private static String inner(Dissection d, FieldDef f) {
        int occ = d.last(f);
        return occ < 0 || occ < d.last(Vxlan.VNI) ? "" : FieldFormatter.value(d, occ);
    }

    /** What identifies a frame independently of the pairing code: MACs, IPs, IP id, ICMP seq, ARP opcode. */
    private static String identity(Dissection d) {
        return String.join("|", inner(d, Ethernet.SRC), inner(d, Ethernet.DST), inner(d, Ipv4.SRC),
                inner(d, Ipv4.DST), inner(d, Ipv4.ID), inner(d, Icmp.TYPE), inner(d, Icmp.SEQ), inner(d, Arp.OPCODE));
    }

    private record Checked(int icmpPaired, int arpPaired, int localIcmp) {
    }

    /** Checks every pair is the same frame and that the tunnelled ICMP and ARP of the bridge capture all paired. */
    private static Checked check(CaptureFile outer, CaptureFile innerCap, CorrelationResult r, Set<String> vms,
                                 Set<String> localHosts) {
        PacketDissector od = new PacketDissector(outer);
        PacketDissector id = new PacketDissector(innerCap);
        Set<Integer> pairedInner = new HashSet<>();
        for (int i = 0; i < r.pairs().size(); i++) {
            String o = identity(od.dissect(r.pairs().outerFrame(i) - 1));
            String n = identity(id.dissect(r.pairs().innerFrame(i) - 1));
            assertThat(n).as("pair %d", i).isEqualTo(o);
            pairedInner.add(r.pairs().innerFrame(i));
        }
        int icmp = 0;
        int arp = 0;
        int local = 0;
        for (int i = 0; i < innerCap.packetCount(); i++) {
            Dissection d = id.dissect(i);
            String src = inner(d, Ipv4.SRC);
            String dst = inner(d, Ipv4.DST);
            boolean echo = d.has(Icmp.TYPE) && (d.value(d.last(Icmp.TYPE)) == 0 || d.value(d.last(Icmp.TYPE)) == 8);
            if (echo && vms.contains(src) && vms.contains(dst) && d.value(d.last(Ipv4.LEN)) <= 1450) {
                assertThat(pairedInner).as("ICMP echo, inner frame %d", i + 1).contains(i + 1);
                icmp++;
            } else if (echo && localHosts.contains(src) && localHosts.contains(dst)) {
                assertThat(r.unpairedInner().reasonOf(i + 1)).as("local frame %d", i + 1)
                        .isEqualTo(UnpairedReason.LOCAL);
                local++;
            } else if (d.has(Arp.OPCODE)) {
                assertThat(pairedInner).as("ARP, inner frame %d", i + 1).contains(i + 1);
                arp++;
            }
        }
        return new Checked(icmp, arp, local);
    }

    private static Set<String> vmIps(JsonNode t) {
        Set<String> s = new HashSet<>();
        t.get("vms").forEach(vm -> s.add(vm.get("ip").asText()));
        return s;
    }

    private static int tunnelledEchoes(JsonNode t) {
        int n = 0;
        for (JsonNode p : t.get("pings")) {
            if (p.get("tunnelled").asBoolean()) {
                n += p.get("transmitted").asInt() + p.get("received").asInt();
            }
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples/opennebula-8472", "samples/variant-b/opennebula-8472"})
    void openNebulaPhysicalNicAgainstVxlanBridge(Path dir) throws Exception {
        JsonNode t = truth(dir);
        try (CaptureFile outer = CaptureFile.open(dir.resolve("kvm2-enp0s8.pcap"));
             CaptureFile bridge = CaptureFile.open(dir.resolve("kvm2-vxlan_bridge.pcap"))) {
            CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(outer, bridge);
            Set<String> local = new HashSet<>();
            t.get("local_only").get("hosts").forEach(h -> local.add(h.asText()));
            Checked c = check(outer, bridge, r, vmIps(t), local);

            assertThat(c.icmpPaired()).isEqualTo(tunnelledEchoes(t));
            assertThat(c.arpPaired()).isEqualTo(2 * t.get("arp").get("arp_requests_total").asInt());
            assertThat(c.localIcmp()).isEqualTo(2 * t.get("local_only").get("icmp_echo_requests").asInt());
            assertThat(r.summary().vnis()).containsExactly(t.get("vni").asInt());
            assertThat(r.summary().localVteps()).containsExactly(vtep(t, "kvm2"));
            for (int i = 0; i < r.pairs().size(); i++) {
                boolean sentHere = r.pairs().outerSrc(i) == vtep(t, "kvm2");
                assertThat(r.pairs().direction(i)).isEqualTo(sentHere ? PairDirection.ENCAPSULATED
                        : PairDirection.DECAPSULATED);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples/openstack-4789", "samples/variant-b/openstack-4789"})
    void openStackPhysicalNicAgainstTunnelDeviceWithTheOversizePacketUnpairedAsTooBig(Path dir) throws Exception {
        JsonNode t = truth(dir);
        try (CaptureFile outer = CaptureFile.open(dir.resolve("compute1-ens3.pcap"));
             CaptureFile dev = CaptureFile.open(dir.resolve("compute1-vxlan_sys_4789.pcap"))) {
            CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(outer, dev);
            Checked c = check(outer, dev, r, vmIps(t), Set.of());

            assertThat(c.icmpPaired()).isEqualTo(tunnelledEchoes(t));
            assertThat(c.arpPaired()).isEqualTo(2 * t.get("arp").get("arp_requests_total").asInt());
            assertThat(r.summary().vnis()).containsExactly(t.get("segmentation_id").asInt());
            int oversize = t.get("oversize_packet").get("inner_ip_total_length").asInt();
            PacketDissector d = new PacketDissector(dev);
            int big = 0;
            for (int i = 0; i < dev.packetCount(); i++) {
                Dissection x = d.dissect(i);
                if (x.has(Ipv4.LEN) && x.value(x.last(Ipv4.LEN)) == oversize) {
                    assertThat(r.unpairedInner().reasonOf(i + 1)).isEqualTo(UnpairedReason.TOO_BIG);
                    big++;
                }
            }
            assertThat(big).isPositive();
            if (t.get("oversize_packet").get("fate").asText().equals("fragmented")) {
                assertThat(r.summary().unpairedOuter().get(UnpairedReason.TOO_BIG)).isPositive();
            }
        }
    }

    @Test
    void bothEndsOfTheTunnelFromHostsWithDifferentClocks() throws Exception {
        JsonNode t = truth(ONE);
        long skew = 3_217_000_000L;
        Path kvm1 = PcapFixture.shifted(ONE.resolve("kvm1-enp0s8.pcap"), skew, tmp.resolve("kvm1-skewed.pcap"));
        try (CaptureFile a = CaptureFile.open(ONE.resolve("kvm2-enp0s8.pcap"));
             CaptureFile b = CaptureFile.open(kvm1);
             CaptureFile unskewed = CaptureFile.open(ONE.resolve("kvm1-enp0s8.pcap"))) {
            FrameCorrelator c = new FrameCorrelator(CorrelationOptions.defaults());
            CorrelationResult r = c.correlate(a, b);
            CorrelationResult reference = c.correlate(a, unskewed);

            assertThat(r.summary().mode()).isEqualTo(CorrelationMode.OUTER_OUTER);
            assertThat(r.summary().clockOffset().method()).isEqualTo("symmetric");
            assertThat(r.summary().clockOffset().nanos()).isCloseTo(-skew, within(1_000_000L));
            assertThat(r.pairs().size()).isEqualTo(reference.pairs().size()).isPositive();
            for (int i = 0; i < r.pairs().size(); i++) {
                assertThat(r.pairs().outerFrame(i)).isEqualTo(reference.pairs().outerFrame(i));
                assertThat(r.pairs().innerFrame(i)).isEqualTo(reference.pairs().innerFrame(i));
                PairDirection expected = r.pairs().outerSrc(i) == vtep(t, "kvm2") ? PairDirection.FIRST_TO_SECOND
                        : PairDirection.SECOND_TO_FIRST;
                assertThat(r.pairs().direction(i)).isEqualTo(expected);
            }
            // one veth between the two namespaces: the one-way delay is well under a millisecond
            assertThat(r.summary().delay().medianNanos()).isBetween(-1_000_000L, 1_000_000L);
        }
    }

    @Test
    void oneCookedAnyCaptureHoldingBothSightingsPairsLikeTheTwoFiles() throws Exception {
        truth(ONE);
        // tcpdump -i any on kvm2 would show enp0s8 and vxlan_bridge in one SLL file: build it from the two
        PcapFixture any = new PcapFixture().linkType(113);
        java.util.TreeMap<Long, byte[]> byTime = new java.util.TreeMap<>();
        try (CaptureFile outer = CaptureFile.open(ONE.resolve("kvm2-enp0s8.pcap"));
             CaptureFile bridge = CaptureFile.open(ONE.resolve("kvm2-vxlan_bridge.pcap"))) {
            // a distinct key per packet even where both files share a microsecond: time * 4 + source
            for (int i = 0; i < outer.packetCount(); i++) {
                byTime.put(outer.index().timestampNanos(i) * 4, PcapFixture.cooked(PcapFixture.bytes(outer, i, 0), true));
            }
            for (int i = 0; i < bridge.packetCount(); i++) {
                long key = bridge.index().timestampNanos(i) * 4 + 1;
                byTime.put(key, PcapFixture.cooked(PcapFixture.bytes(bridge, i, 0), false));
            }
            CorrelationResult twoFiles = new FrameCorrelator(CorrelationOptions.defaults()).correlate(outer, bridge);
            byTime.forEach((k, v) -> any.add(k / 4, v));
            try (CaptureFile single = CaptureFile.open(any.write(tmp.resolve("any.pcap")))) {
                CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(single, single);
                assertThat(r.summary().mode()).isEqualTo(CorrelationMode.SINGLE_CAPTURE);
                assertThat(r.pairs().size()).isEqualTo(twoFiles.pairs().size());
                // without the interface, the underlay's own ARP is one more frame that never crossed the tunnel
                int underlayArp = twoFiles.summary().unpairedOuter().get(UnpairedReason.NOT_VXLAN);
                assertThat(r.summary().unpairedInner()).containsOnlyKeys(UnpairedReason.LOCAL);
                assertThat(r.summary().unpairedInner().get(UnpairedReason.LOCAL))
                        .isEqualTo(twoFiles.summary().unpairedInner().get(UnpairedReason.LOCAL) + underlayArp);
                assertThat(r.summary().unpairedOuter()).isEmpty();
                for (int i = 0; i < r.pairs().size(); i++) {
                    assertThat(r.pairs().direction(i)).isEqualTo(twoFiles.pairs().direction(i));
                }
            }
        }
    }

    @Test
    void onePcapngOfBothInterfacesGivesTheSameResultAsTheTwoFiles() throws Exception {
        truth(ONE);
        Path nic = ONE.resolve("kvm2-enp0s8.pcap");
        Path br = ONE.resolve("kvm2-vxlan_bridge.pcap");
        Path merged = PcapFixture.pcapng(tmp.resolve("kvm2.pcapng"), List.of("enp0s8", "vxlan_bridge"),
                List.of(nic, br));
        try (CaptureFile outer = CaptureFile.open(nic); CaptureFile bridge = CaptureFile.open(br);
             CaptureFile both = CaptureFile.open(merged)) {
            FrameCorrelator c = new FrameCorrelator(CorrelationOptions.defaults());
            CorrelationResult two = c.correlate(outer, bridge);
            CorrelationResult one = c.correlate(both, both);

            assertThat(one.summary().mode()).isEqualTo(CorrelationMode.SINGLE_CAPTURE);
            assertThat(both.interfaceName(0)).isNotNull();
            assertThat(one.pairs().size()).isEqualTo(two.pairs().size());
            assertThat(one.summary().unpairedOuter()).isEqualTo(two.summary().unpairedOuter());
            assertThat(one.summary().unpairedInner()).isEqualTo(two.summary().unpairedInner());
            for (int i = 0; i < one.pairs().size(); i++) {
                // the merged file numbers frames differently: compare the times the frame numbers stand for
                assertThat(both.index().timestampNanos(one.pairs().outerFrame(i) - 1))
                        .isEqualTo(outer.index().timestampNanos(two.pairs().outerFrame(i) - 1));
                assertThat(both.index().timestampNanos(one.pairs().innerFrame(i) - 1))
                        .isEqualTo(bridge.index().timestampNanos(two.pairs().innerFrame(i) - 1));
                assertThat(both.interfaceName(one.pairs().innerFrame(i) - 1)).isEqualTo("vxlan_bridge");
                assertThat(one.pairs().deltaNanos(i)).isEqualTo(two.pairs().deltaNanos(i));
            }
        }
    }

    private static int vtep(JsonNode t, String host) {
        String[] p = t.get("vtep_ips").get(host).asText().split("\\.");
        return Integer.parseInt(p[0]) << 24 | Integer.parseInt(p[1]) << 16 | Integer.parseInt(p[2]) << 8
                | Integer.parseInt(p[3]);
    }
}
