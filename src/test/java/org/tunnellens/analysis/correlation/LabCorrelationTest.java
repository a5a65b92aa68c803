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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.proto.Arp;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.proto.Ethernet;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.proto.Icmp;
import org.tunnellens.dissect.proto.Ipv4;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.dissect.proto.Vxlan;

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
            if (echo && vms.contains(src) && vms.contains(dst)) {
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

    /** Echo requests and replies of the oversize ping that crossed the tunnel (in outer fragments). */
    private static int oversizeEchoes(JsonNode t) {
        JsonNode ov = t.get("oversize_packet");
        if (ov == null || !ov.get("fate").asText().equals("fragmented")) {
            return 0;
        }
        return ov.get("ping").get("transmitted").asInt() + ov.get("ping").get("received").asInt();
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples/openstack-4789", "samples/variant-b/openstack-4789"})
    void openStackPhysicalNicAgainstTunnelDeviceWithTheOversizePacketPairedFromItsReassembledFragments(Path dir)
            throws Exception {
        JsonNode t = truth(dir);
        try (CaptureFile outer = CaptureFile.open(dir.resolve("compute1-ens3.pcap"));
             CaptureFile dev = CaptureFile.open(dir.resolve("compute1-vxlan_sys_4789.pcap"))) {
            CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(outer, dev);
            Checked c = check(outer, dev, r, vmIps(t), Set.of());

            // every echo crossed the tunnel, the oversize one too (check() compared each pair's inner headers)
            assertThat(c.icmpPaired()).isEqualTo(tunnelledEchoes(t) + oversizeEchoes(t));
            assertThat(c.arpPaired()).isEqualTo(2 * t.get("arp").get("arp_requests_total").asInt());
            assertThat(r.summary().vnis()).containsExactly(t.get("segmentation_id").asInt());
            int oversize = t.get("oversize_packet").get("inner_ip_total_length").asInt();
            // the dissector (not the pairing code) says which outer frame reassembles which pieces
            PacketDissector d = new PacketDissector(outer);
            int reassembled = 0;
            for (int i = 0; i < outer.packetCount(); i++) {
                Dissection x = d.dissect(i);
                if (!x.has(Ipv4.FRAGMENT)) {
                    continue;
                }
                reassembled++;
                int pair = r.pairs().indexOfOuterFrame(i + 1);
                assertThat(pair).as("outer frame %d reassembles the oversize packet", i + 1).isNotNegative();
                Dissection in = new PacketDissector(dev).dissect(r.pairs().innerFrame(pair) - 1);
                assertThat(in.value(in.last(Ipv4.LEN))).isEqualTo(oversize);
                for (int occ = x.first(Ipv4.FRAGMENT); occ >= 0; occ = x.next(Ipv4.FRAGMENT, occ)) {
                    int piece = (int) x.value(occ);
                    if (piece != i + 1) {
                        UnpairedFrames u = r.unpairedOuter();
                        assertThat(u.reasonOf(piece)).as("piece %d", piece).isEqualTo(UnpairedReason.FRAGMENT);
                        assertThat(u.reassembledIn(u.indexOf(piece))).isEqualTo(i + 1);
                    }
                }
            }
            assertThat(reassembled).isEqualTo(oversizeEchoes(t)).isPositive();
            assertThat(r.summary().unpairedOuter()).doesNotContainKey(UnpairedReason.TOO_BIG)
                    .containsEntry(UnpairedReason.FRAGMENT, reassembled);
            assertThat(r.summary().unpairedInner()).isEmpty();
        }
    }

    /**
     * The frame numbers and times tshark shows ({@code -Y "icmp && frame.len > 1000"} on the tunnel device, and
     * {@code ip.fragment} on the underlay): the frame that completes the outer datagram pairs with the inner frame,
     * its delay measured from that frame's time, as tshark's frame time of the reassembled packet.
     */
    @ParameterizedTest
    @CsvSource({
        "samples/openstack-4789,           320, 31, 32, 29, 24, 33, 34, 30, 0",
        "samples/variant-b/openstack-4789, 1050, 43, 44, 41, 29, 45, 46, 42, 5"})
    void theOversizePingPairsWhereTsharkReassemblesIt(Path dir, int vni, int requestPiece, int requestOuter,
                                                      int requestInner, int requestMicros, int replyPiece,
                                                      int replyOuter, int replyInner, int replyMicros)
            throws Exception {
        truth(dir);
        try (CaptureFile outer = CaptureFile.open(dir.resolve("compute1-ens3.pcap"));
             CaptureFile dev = CaptureFile.open(dir.resolve("compute1-vxlan_sys_4789.pcap"))) {
            CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(outer, dev);
            PairTable p = r.pairs();
            int request = p.indexOfOuterFrame(requestOuter);
            int reply = p.indexOfOuterFrame(replyOuter);
            assertThat(request).isNotNegative();
            assertThat(reply).isNotNegative();
            assertThat(p.innerFrame(request)).isEqualTo(requestInner);
            assertThat(p.direction(request)).isEqualTo(PairDirection.ENCAPSULATED);
            assertThat(p.deltaNanos(request)).isEqualTo(requestMicros * 1000L);
            assertThat(p.vni(request)).isEqualTo(vni);
            assertThat(p.innerFrame(reply)).isEqualTo(replyInner);
            assertThat(p.direction(reply)).isEqualTo(PairDirection.DECAPSULATED);
            assertThat(p.deltaNanos(reply)).isEqualTo(replyMicros * 1000L);
            UnpairedFrames u = r.unpairedOuter();
            assertThat(u.reasonOf(requestPiece)).isEqualTo(UnpairedReason.FRAGMENT);
            assertThat(u.reassembledIn(u.indexOf(requestPiece))).isEqualTo(requestOuter);
            assertThat(u.description(u.indexOf(requestPiece))).endsWith("reassembled in frame " + requestOuter);
            assertThat(u.reasonOf(replyPiece)).isEqualTo(UnpairedReason.FRAGMENT);
            assertThat(u.reassembledIn(u.indexOf(replyPiece))).isEqualTo(replyOuter);
            assertThat(r.unpairedInner().size()).isZero();
        }
    }

    /** The two underlay captures: each side's completing frame pairs with the other's, pieces are fragments. */
    @ParameterizedTest
    @ValueSource(strings = {"samples/openstack-4789", "samples/variant-b/openstack-4789"})
    void bothUnderlayCapturesPairTheirReassembledFrames(Path dir) throws Exception {
        JsonNode t = truth(dir);
        try (CaptureFile one = CaptureFile.open(dir.resolve("compute1-ens3.pcap"));
             CaptureFile two = CaptureFile.open(dir.resolve("compute2-ens3.pcap"))) {
            CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(one, two);
            assertThat(r.summary().mode()).isEqualTo(CorrelationMode.OUTER_OUTER);
            PacketDissector d1 = new PacketDissector(one);
            PacketDissector d2 = new PacketDissector(two);
            int reassembledPairs = 0;
            for (int i = 0; i < r.pairs().size(); i++) {
                Dissection a = d1.dissect(r.pairs().outerFrame(i) - 1);
                String ida = identity(a);
                boolean aReassembled = a.has(Ipv4.FRAGMENT);
                Dissection b = d2.dissect(r.pairs().innerFrame(i) - 1);
                assertThat(identity(b)).isEqualTo(ida);
                assertThat(b.has(Ipv4.FRAGMENT)).isEqualTo(aReassembled);
                reassembledPairs += aReassembled ? 1 : 0;
            }
            assertThat(reassembledPairs).isEqualTo(oversizeEchoes(t)).isPositive();
            for (UnpairedFrames u : List.of(r.unpairedOuter(), r.unpairedInner())) {
                for (int i = 0; i < u.size(); i++) {
                    assertThat(u.reason(i)).isIn(UnpairedReason.NOT_VXLAN, UnpairedReason.FRAGMENT);
                }
            }
            assertThat(r.summary().unpairedOuter().get(UnpairedReason.FRAGMENT)).isEqualTo(reassembledPairs);
            assertThat(r.summary().unpairedInner().get(UnpairedReason.FRAGMENT)).isEqualTo(reassembledPairs);
        }
    }

    /**
     * A datagram missing a piece cannot be reassembled: its remaining piece and the inner frame stay too big for
     * the tunnel, while the reply's datagram (whole) still pairs.
     */
    @ParameterizedTest
    @ValueSource(ints = {31, 32})
    void aFragmentedDatagramMissingAPieceStaysTooBig(int dropped) throws Exception {
        Path dir = Path.of("samples/openstack-4789");
        truth(dir);
        PcapFixture cut = new PcapFixture();
        try (CaptureFile full = CaptureFile.open(dir.resolve("compute1-ens3.pcap"))) {
            for (int i = 0; i < full.packetCount(); i++) {
                if (i + 1 != dropped) {
                    cut.add(full.index().timestampNanos(i), PcapFixture.bytes(full, i, 0));
                }
            }
        }
        try (CaptureFile outer = CaptureFile.open(cut.write(tmp.resolve("without-" + dropped + ".pcap")));
             CaptureFile dev = CaptureFile.open(dir.resolve("compute1-vxlan_sys_4789.pcap"))) {
            CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(outer, dev);
            // frames 33 and 34 of the sample are now 32 and 33
            assertThat(r.unpairedOuter().reasonOf(31)).isEqualTo(UnpairedReason.TOO_BIG);
            assertThat(r.unpairedOuter().reasonOf(32)).isEqualTo(UnpairedReason.FRAGMENT);
            assertThat(r.unpairedOuter().reassembledIn(r.unpairedOuter().indexOf(32))).isEqualTo(33);
            assertThat(r.pairs().innerFrame(r.pairs().indexOfOuterFrame(33))).isEqualTo(30);
            assertThat(r.unpairedInner().reasonOf(29)).isEqualTo(UnpairedReason.TOO_BIG);
            assertThat(r.summary().unpairedOuter()).containsOnly(Map.entry(UnpairedReason.NOT_VXLAN, 2),
                    Map.entry(UnpairedReason.TOO_BIG, 1), Map.entry(UnpairedReason.FRAGMENT, 1));
            assertThat(r.summary().unpairedInner()).containsOnly(Map.entry(UnpairedReason.TOO_BIG, 1));
            assertThat(r.pairs().size()).isEqualTo(29);
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

    /** The host's underlay NIC and its bridge or tunnel device; OpenStack's oversize ping is in outer fragments. */
    private static final String BOTH_SIGHTINGS = """
            samples/opennebula-8472, kvm2-enp0s8.pcap,  kvm2-vxlan_bridge.pcap
            samples/openstack-4789,  compute1-ens3.pcap, compute1-vxlan_sys_4789.pcap""";

    @ParameterizedTest
    @CsvSource(textBlock = BOTH_SIGHTINGS)
    void oneCookedAnyCaptureHoldingBothSightingsPairsLikeTheTwoFiles(Path dir, String nic, String br)
            throws Exception {
        truth(dir);
        // tcpdump -i any on the host would show the NIC and the bridge in one SLL file: build it from the two
        PcapFixture any = new PcapFixture().linkType(113);
        java.util.TreeMap<Long, byte[]> byTime = new java.util.TreeMap<>();
        try (CaptureFile outer = CaptureFile.open(dir.resolve(nic));
             CaptureFile bridge = CaptureFile.open(dir.resolve(br))) {
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
                assertThat(r.summary().unpairedInner().get(UnpairedReason.LOCAL)).isEqualTo(
                        twoFiles.summary().unpairedInner().getOrDefault(UnpairedReason.LOCAL, 0) + underlayArp);
                // the pieces of reassembled outer datagrams stay on the outer side
                Map<UnpairedReason, Integer> outerRest = new java.util.EnumMap<>(UnpairedReason.class);
                outerRest.putAll(twoFiles.summary().unpairedOuter());
                outerRest.remove(UnpairedReason.NOT_VXLAN);
                assertThat(r.summary().unpairedOuter()).isEqualTo(outerRest);
                for (int i = 0; i < r.pairs().size(); i++) {
                    assertThat(r.pairs().direction(i)).isEqualTo(twoFiles.pairs().direction(i));
                    assertThat(r.pairs().deltaNanos(i)).isEqualTo(twoFiles.pairs().deltaNanos(i));
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = BOTH_SIGHTINGS)
    void onePcapngOfBothInterfacesGivesTheSameResultAsTheTwoFiles(Path dir, String nicFile, String brFile)
            throws Exception {
        truth(dir);
        Path nic = dir.resolve(nicFile);
        Path br = dir.resolve(brFile);
        String brName = brFile.substring(brFile.indexOf('-') + 1, brFile.lastIndexOf('.'));
        Path merged = PcapFixture.pcapng(tmp.resolve("both.pcapng"), List.of("underlay", brName), List.of(nic, br));
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
                assertThat(both.interfaceName(one.pairs().innerFrame(i) - 1)).isEqualTo(brName);
                assertThat(one.pairs().deltaNanos(i)).isEqualTo(two.pairs().deltaNanos(i));
            }
            // a fragment names the frame that reassembles it, in the merged file's numbering
            UnpairedFrames u = one.unpairedOuter();
            for (int i = 0; i < u.size(); i++) {
                if (u.reason(i) == UnpairedReason.FRAGMENT) {
                    int in = u.reassembledIn(i);
                    assertThat(one.pairs().indexOfOuterFrame(in)).isNotNegative();
                    assertThat(both.interfaceName(in - 1)).isEqualTo("underlay");
                    assertThat(in).isGreaterThan(u.frame(i));
                }
            }
        }
    }

    private static int vtep(JsonNode t, String host) {
        String[] p = t.get("vtep_ips").get(host).asText().split("\\.");
        return Integer.parseInt(p[0]) << 24 | Integer.parseInt(p[1]) << 16 | Integer.parseInt(p[2]) << 8
                | Integer.parseInt(p[3]);
    }
}
