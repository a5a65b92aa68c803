package org.tunnellens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.PacketDissector;

class DetailTreeBuilderTest {
    private final DetailTreeBuilder builder = new DetailTreeBuilder(new MacAnnotator(MacVendors.bundled()));

    @Test
    void vxlanPacketHasOuterAndInnerLayersInOrder() throws Exception {
        try (CaptureFile f = CaptureFile.open(CorpusFiles.VXLAN_4789)) {
            List<DetailNode> roots = builder.build(new PacketDissector(f).dissect(0));
            assertThat(roots).extracting(DetailNode::fieldName)
                    .containsExactly("frame", "eth", "ip", "udp", "vxlan", "eth", "ip", "icmp", "data");
            assertThat(roots).extracting(DetailNode::depth).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1);
            assertThat(roots.get(5).label()).contains("[inner]");
            assertThat(roots.get(2).label()).doesNotContain("[inner]");
        }
    }

    @Test
    void vniLineCoversTheThreeVniBytesAndBuildsItsFilter() throws Exception {
        try (CaptureFile f = CaptureFile.open(CorpusFiles.VXLAN_4789)) {
            var d = new PacketDissector(f).dissect(0);
            DetailNode vxlan = builder.build(d).get(4);
            DetailNode vni = find(vxlan, "vxlan.vni");
            // outer Ethernet 14 + IPv4 20 + UDP 8 = 42, then flags 1 + reserved 3 before the VNI
            assertThat(vxlan.start()).isEqualTo(42);
            assertThat(vxlan.length()).isEqualTo(8);
            assertThat(vni.start()).isEqualTo(46);
            assertThat(vni.length()).isEqualTo(3);
            assertThat(vni.filter()).isEqualTo("vxlan.vni == 100");
            assertThat(vni.covers(48)).isTrue();
            assertThat(vni.covers(49)).isFalse();
            assertThat(vxlan.values()).containsEntry("vxlan.vni", "100");
            byte[] raw = d.bytes(d.first(org.tunnellens.dissect.proto.Vxlan.VNI));
            assertThat(((raw[0] & 0xff) << 16) | ((raw[1] & 0xff) << 8) | (raw[2] & 0xff)).isEqualTo(100);
        }
    }

    @Test
    void macLinesCarryVendorNamesUnlessRawIsAsked() throws Exception {
        try (CaptureFile f = CaptureFile.open(CorpusFiles.VXLAN_4789)) {
            var dissector = new PacketDissector(f);
            List<DetailNode> roots = builder.build(dissector.dissect(0));
            // the names tshark 4.0.17 prints as eth.dst_resolved for this packet
            assertThat(find(roots.get(1), "eth.dst").label())
                    .isEqualTo("Destination: Xensourc_08:71:cf (00:16:3e:08:71:cf)");
            assertThat(find(roots.get(5), "eth.dst").label())
                    .isEqualTo("Destination: Ericsson_01:00:02 (00:30:88:01:00:02)");
            builder.setRawAddresses(true);
            DetailNode raw = builder.build(dissector.dissect(0)).get(5);
            assertThat(find(raw, "eth.dst").label()).isEqualTo("Destination: 00:30:88:01:00:02");
        }
    }

    static DetailNode find(DetailNode root, String name) {
        List<DetailNode> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            DetailNode n = stack.remove(0);
            if (n.fieldName().equals(name)) {
                return n;
            }
            stack.addAll(n.children());
        }
        throw new AssertionError("no " + name + " under " + root.fieldName());
    }
}
