package org.tunnellens.analysis.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.cli.TunnelLensCommand;

/** {@code tunnellens correlate --format json} on the corpus VXLAN capture and its inner frames. */
class CorrelateCommandJsonTest {
    @TempDir
    Path tmp;

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(TunnelLensCommand.run(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonHasThePairsTheUnpairedAndTheSummaryUnderTheDocumentedKeys() throws Exception {
        Path outer = Path.of("samples/corpus/vxlan-4789.pcap");
        PcapFixture inner = new PcapFixture();
        try (CaptureFile f = CaptureFile.open(outer)) {
            for (int i = 1; i < f.packetCount(); i++) { // the first frame never reached the bridge
                inner.add(f.index().timestampNanos(i) + 12_345, PcapFixture.bytes(f, i, 50));
            }
        }
        Path innerFile = inner.write(tmp.resolve("inner.pcap"));

        JsonNode j = new ObjectMapper().readTree(run("correlate", outer.toString(), innerFile.toString(),
                "--format", "json"));

        assertThat(j.get("pairs")).hasSize(9);
        JsonNode p = j.get("pairs").get(0);
        assertThat(p.get("outerFrame").asInt()).isEqualTo(2);
        assertThat(p.get("innerFrame").asInt()).isEqualTo(1);
        assertThat(p.get("vni").asInt()).isEqualTo(100);
        assertThat(p.get("outerSrc").asText()).isEqualTo("192.168.202.1");
        assertThat(p.get("outerDst").asText()).isEqualTo("192.168.203.1");
        assertThat(p.get("direction").asText()).isEqualTo("decapsulated");
        assertThat(p.get("deltaMicros").asDouble()).isEqualTo(12.345);
        assertThat(j.get("unpairedOuter")).hasSize(1);
        assertThat(j.get("unpairedOuter").get(0).get("frame").asInt()).isEqualTo(1);
        assertThat(j.get("unpairedOuter").get(0).get("reason").asText()).isEqualTo("lost");
        assertThat(j.get("unpairedInner")).isEmpty();
        JsonNode s = j.get("summary");
        assertThat(s.get("pairs").asInt()).isEqualTo(9);
        assertThat(s.get("unpairedOuter").get("lost").asInt()).isEqualTo(1);
        assertThat(s.get("delayMicros").get("median").asDouble()).isEqualTo(12.345);
        assertThat(s.get("clockOffset").get("method").asText()).isEqualTo("same-clock");
    }

    @Test
    void aFragmentNamesTheFrameThatReassemblesItsDatagramAndThatFramePairs() throws Exception {
        Path dir = Path.of("samples/openstack-4789");
        JsonNode j = new ObjectMapper().readTree(run("correlate", dir.resolve("compute1-ens3.pcap").toString(),
                dir.resolve("compute1-vxlan_sys_4789.pcap").toString(), "--format", "json"));

        JsonNode piece = null;
        for (JsonNode u : j.get("unpairedOuter")) {
            if (u.get("frame").asInt() == 31) {
                piece = u;
            }
            assertThat(u.get("reason").asText()).isIn("not-vxlan", "fragment");
            assertThat(u.has("reassembledIn")).isEqualTo(u.get("reason").asText().equals("fragment"));
        }
        assertThat(piece).isNotNull();
        assertThat(piece.get("reason").asText()).isEqualTo("fragment");
        assertThat(piece.get("reassembledIn").asInt()).isEqualTo(32);
        JsonNode pair = null;
        for (JsonNode p : j.get("pairs")) {
            if (p.get("outerFrame").asInt() == 32) {
                pair = p;
            }
        }
        assertThat(pair).isNotNull();
        assertThat(pair.get("innerFrame").asInt()).isEqualTo(29);
        assertThat(pair.get("direction").asText()).isEqualTo("encapsulated");
        assertThat(j.get("unpairedInner")).isEmpty();
        assertThat(j.get("summary").get("unpairedOuter").get("fragment").asInt()).isEqualTo(2);
        assertThat(j.get("summary").get("unpairedOuter").has("too-big")).isFalse();
    }
}
