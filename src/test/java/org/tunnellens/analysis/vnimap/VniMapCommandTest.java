package org.tunnellens.analysis.vnimap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunnellens.cli.TunnelLensCommand;

/** {@code tunnellens vni-map}: the table as JSON, the exit status, and a broken topology file named. */
class VniMapCommandTest {
    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = TunnelLensCommand.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aSegmentationIdThatIsNotOnTheWireIsAFindingAndExitStatusThree() throws Exception {
        Run r = run("vni-map", "-r", "samples/corpus/vxlan-4789.pcap", "--topology",
                "src/test/resources/topology/openstack-network-show.json", "--format", "json");
        assertThat(r.status()).isEqualTo(3);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("rows")).hasSize(2);
        assertThat(j.get("rows").get(0).get("vni").asInt()).isEqualTo(100);
        assertThat(j.get("rows").get(0).get("seen").get("packets").asInt()).isEqualTo(10);
        assertThat(j.get("rows").get(1).get("vniHex").asText()).isEqualTo("0x412");
        assertThat(j.get("findings")).extracting(f -> f.get("kind").asText())
                .containsExactlyInAnyOrder("vni-not-expected", "vni-not-seen");
    }

    @Test
    void brokenJsonIsReportedWithTheFileAndOffset() throws Exception {
        Path bad = Files.writeString(tmp.resolve("net.json"), "{\"provider:segmentation_id\": 12, \"name\": }");
        Run r = run("vni-map", "-r", "samples/corpus/vxlan-4789.pcap", "--topology", bad.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains(bad.toString()).contains("byte offset 41");
    }
}
