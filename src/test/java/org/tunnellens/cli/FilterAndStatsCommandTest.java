package org.tunnellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CLI surfaces of the filter, info and stats work, run in-process. */
class FilterAndStatsCommandTest {
    static final String VXLAN = "src/test/resources/corpus/public/tcpdump/vxlan.pcap";

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = TunnelLensCommand.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void misspelledFieldIsReportedWithItsColumn() {
        Result r = run("packets", "-r", VXLAN, "-Y", "ip.scr == 1.2.3.4");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown field \"ip.scr\" at column 1");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void filterSelectsInnerAddressesAndKeepsFrameNumbers() {
        Result r = run("packets", "-r", VXLAN, "-T", "fields", "-e", "frame.number", "-e", "_ws.col.Info",
                "-Y", "ip.src#2 == 192.168.203.5 && icmp");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "4\tEcho (ping) reply    id=0x050c, seq=1/256, ttl=64 (request in 1)",
                "6\tEcho (ping) reply    id=0x050c, seq=2/512, ttl=64 (request in 5)",
                "8\tEcho (ping) reply    id=0x050c, seq=3/768, ttl=64 (request in 7)",
                "10\tEcho (ping) reply    id=0x050c, seq=4/1024, ttl=64 (request in 9)");
    }

    @Test
    void textOutputShowsInnerColumnsAndPairing() {
        Result r = run("packets", "-r", VXLAN, "-c", "2", "-2");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out().lines().findFirst().orElseThrow()).contains("192.168.203.3", "192.168.203.5", "ICMP",
                "Echo (ping) request  id=0x050c, seq=1/256, ttl=64 (reply in 4)");
    }

    @Test
    void statsJsonHasTheDocumentedKeys() throws Exception {
        Result r = run("stats", "-r", VXLAN, "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("protocol_hierarchy", "conversations", "vnis");
        JsonNode vni = j.get("vnis").get(0);
        assertThat(vni.get("vni").asLong()).isEqualTo(100);
        assertThat(vni.get("vni_hex").asText()).isEqualTo("0x000064");
        assertThat(vni.get("udp_ports").get(0).asInt()).isEqualTo(4789);
        assertThat(vni.get("packets").asLong()).isEqualTo(10);
        assertThat(vni.get("bytes").asLong()).isEqualTo(1368);
        assertThat(j.get("conversations").findValuesAsText("type")).contains("ipv4", "udp");
        assertThat(j.get("protocol_hierarchy").get(0).get("protocol").asText()).isEqualTo("eth");
    }

    @Test
    void infoReportsWhereReadingStopped() throws Exception {
        Result ok = run("info", "-r", VXLAN, "--format", "json");
        JsonNode j = new ObjectMapper().readTree(ok.out());
        assertThat(j.get("packets").asInt()).isEqualTo(10);
        assertThat(j.get("interfaces").get(0).get("link_type").asInt()).isEqualTo(1);
        assertThat(j.get("stopped_early").isNull()).isTrue();
        Result bad = run("info", "-r", "src/test/resources/corpus/public/zeek/truncated-header.pcap");
        assertThat(bad.out()).contains("Number of packets");
    }
}
