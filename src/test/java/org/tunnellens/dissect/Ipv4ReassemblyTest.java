package org.tunnellens.dissect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.cli.CliRun;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.column.InfoColumn;
import org.tunnellens.dissect.proto.Checksums;
import org.tunnellens.dissect.proto.Icmp;
import org.tunnellens.dissect.proto.Ipv4;
import org.tunnellens.dissect.proto.Vxlan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IPv4 reassembly on the OpenStack lab's oversize ping (1500-byte inner packets: the VXLAN datagram is 1530 bytes,
 * so the host fragments the outer IPv4 into frames 31+32 and 33+34), and on captures made from those frames in other
 * orders: reversed, duplicated, a piece missing, two datagrams interleaved. The installed tshark (two passes) is
 * the oracle for every field and for the Info column.
 */
class Ipv4ReassemblyTest {
    private static final Path OPENSTACK = Path.of("samples/openstack-4789/compute1-ens3.pcap");
    private static final List<String> FIELDS = List.of("frame.number", "frame.protocols", "ip.src", "ip.dst",
            "ip.id", "ip.frag_offset", "ip.fragment", "ip.fragment.count", "ip.reassembled.length",
            "ip.reassembled_in", "udp.length", "vxlan.vni", "icmp.type", "icmp.seq", "_ws.col.Info");

    @TempDir
    Path tmp;

    @Test
    void lastFragmentDecodesTheWholeDatagramEvenWhenVisitedFirst() throws Exception {
        try (CaptureFile f = CaptureFile.open(OPENSTACK)) {
            PacketDissector dissector = new PacketDissector(f);
            Dissection d = dissector.dissect(31); // frame 32, before frame 31 was ever dissected
            assertThat(values(d, Ipv4.FRAGMENT)).containsExactly("31", "32");
            assertThat(values(d, Ipv4.REASSEMBLED_LENGTH)).containsExactly("1530");
            assertThat(values(d, Vxlan.VNI)).containsExactly("320");
            assertThat(values(d, Ipv4.SRC)).containsExactly("192.168.122.11", "10.0.0.5");
            assertThat(values(d, Icmp.SEQ)).containsExactly("1");
            // the inner ICMP checksum is verified over the reassembled bytes
            assertThat(d.value(d.first(Icmp.CHECKSUM_STATUS))).isEqualTo(Checksums.GOOD);
            int data = d.first(Ipv4.REASSEMBLED_DATA);
            assertThat(d.start(data)).isEqualTo(d.capturedLength());
            assertThat(d.bytes(data)).hasSize(1530).isEqualTo(d.reassembledBytes());

            Dissection first = dissector.dissect(30); // frame 31 now knows where it was reassembled
            assertThat(values(first, Ipv4.REASSEMBLED_IN)).containsExactly("32");
            assertThat(InfoColumn.info(first)).isEqualTo(
                    "Fragmented IP protocol (proto=UDP 17, off=0, ID=b645) [Reassembled in #32]");
        }
    }

    @Test
    void everyFieldStaysInsideTheFrameOrTheReassembledBytes() throws Exception {
        try (CaptureFile f = CaptureFile.open(OPENSTACK)) {
            PacketDissector dissector = new PacketDissector(f);
            for (int i = 0; i < f.packetCount(); i++) {
                Dissection d = dissector.dissect(i);
                for (int occ = 0; occ < d.count(); occ++) {
                    int s = d.start(occ);
                    int e = s + d.length(occ);
                    boolean inFrame = e <= d.capturedLength();
                    boolean inReassembled = s >= d.capturedLength() && e <= d.limit();
                    assertThat(inFrame || inReassembled).as("frame %d %s", i + 1, d.field(occ).abbrev()).isTrue();
                    assertThat(d.bytes(occ)).hasSize(d.length(occ));
                }
            }
        }
    }

    /** Which of the sample's frames (1-based) go into the test capture, in this order. */
    @ParameterizedTest
    @ValueSource(strings = {"31,32,33,34", "32,31", "31,31,32", "32,32,31", "31,33,32,34", "32", "31", "34,33,32,31",
            "30,31,29,32"})
    void agreesWithTsharkWhateverTheOrder(String frames) throws Exception {
        Path file = tmp.resolve("frames-" + frames.replace(',', '-') + ".pcap");
        writeFrames(OPENSTACK, file, frames);
        List<String> args = new ArrayList<>(List.of("-r", file.toString(), "-2", "-T", "fields"));
        for (String field : FIELDS) {
            args.add("-e");
            args.add(field);
        }
        List<String> ours = new ArrayList<>(List.of("packets"));
        ours.addAll(args);
        String[] mine = CliRun.codeAndOutput(ours.toArray(String[]::new));
        assertThat(mine[0]).isEqualTo("0");
        List<String> tshark = new ArrayList<>(List.of("tshark", "-n"));
        tshark.addAll(args);
        String theirs = run(tshark);
        assertThat(mine[1].lines()).as("frames %s: ours vs tshark -2", frames)
                .containsExactlyElementsOf(theirs.lines().toList());
    }

    private static List<String> values(Dissection d, FieldDef f) {
        List<String> out = new ArrayList<>();
        for (int o = d.first(f); o >= 0; o = d.next(f, o)) {
            out.add(FieldFormatter.value(d, o));
        }
        return out;
    }

    /** Copies a classic little-endian pcap's header and the chosen records. */
    private static void writeFrames(Path source, Path target, String frames) throws IOException {
        byte[] all = Files.readAllBytes(source);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0xa1b2c3d4);
        List<int[]> records = new ArrayList<>(); // {offset, length} of each record, header included
        for (int at = 24; at + 16 <= all.length; ) {
            int len = 16 + b.getInt(at + 8);
            records.add(new int[] {at, len});
            at += len;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(all, 0, 24);
        for (String n : frames.split(",")) {
            int[] r = records.get(Integer.parseInt(n) - 1);
            out.write(all, r[0], r[1]);
        }
        Files.write(target, out.toByteArray());
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
