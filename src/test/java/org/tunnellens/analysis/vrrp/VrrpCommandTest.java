package org.tunnellens.analysis.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code tunnellens vrrp} on the corpus: the JSON keys the issue names, and the text timeline. */
class VrrpCommandTest {
    static final String FILE = "src/test/resources/corpus/public/ndpi/vrrp3.pcapng";

    /** Runs the command line and returns its exit code and standard output. */
    static String[] run(String... args) {
        return org.tunnellens.cli.CliRun.codeAndOutput(args);
    }

    @Test
    void jsonHasRoutersWithMastersAndEventsWithTheirKeys() throws Exception {
        String[] r = run("vrrp", "-r", FILE, "--format", "json");
        assertThat(r[0]).isEqualTo("0");
        JsonNode root = new ObjectMapper().readTree(r[1]);
        JsonNode router = root.get("routers").get(0);
        assertThat(router.get("vrid").asInt()).isEqualTo(36);
        assertThat(router.get("version").asInt()).isEqualTo(3);
        assertThat(router.get("segment").asText()).isEqualTo("fe80::/64");
        assertThat(router.get("adverts").asInt()).isEqualTo(10);
        JsonNode m = router.get("masters").get(1);
        assertThat(m.get("ip").asText()).isEqualTo("fe80::1");
        assertThat(m.get("priority").asInt()).isEqualTo(105);
        assertThat(m.get("from").asDouble()).isEqualTo(1589370606.915904);
        assertThat(m.get("to").asDouble()).isGreaterThan(m.get("from").asDouble());
        JsonNode e = root.get("events").get(0);
        assertThat(e.get("type").asText()).isEqualTo("preempt");
        assertThat(e.get("vrid").asInt()).isEqualTo(36);
        assertThat(e.get("from").asText()).isEqualTo("fe80::2");
        assertThat(e.get("to").asText()).isEqualTo("fe80::1");
        assertThat(e.get("time").asDouble()).isEqualTo(1589370606.915904);
        assertThat(e.get("detail").asText()).contains("priority 105");
    }

    @Test
    void advertsCanBeListedInFull() throws Exception {
        JsonNode root = new ObjectMapper().readTree(run("vrrp", "-r", FILE, "--format", "json", "--adverts")[1]);
        JsonNode a = root.get("routers").get(0).get("adverts");
        assertThat(a.size()).isEqualTo(10);
        assertThat(a.get(0).get("ip").asText()).isEqualTo("fe80::2");
        assertThat(a.get(0).get("addresses").get(0).asText()).isEqualTo("fe80::3636");
        assertThat(a.get(0).get("checksum").asText()).isEqualTo("good");
        assertThat(a.get(0).get("packet").get("frame").asInt()).isEqualTo(1);
    }

    @Test
    void textOutputHasATableATimelineAndTheEvents() {
        String text = run("vrrp", "-r", FILE)[1];
        assertThat(text).contains("VRID 36 on fe80::/64  VRRPv3  interval 10 s");
        assertThat(text).containsPattern("11:50:06\\.915 \\.\\. 11:51:20\\.701  MASTER fe80::1 prio 105");
        assertThat(text).contains("preempt");
    }

    @Test
    void aMissingFileIsReportedAndTheExitCodeSaysSo() {
        String[] r = run("vrrp", "-r", "no/such/file.pcap");
        assertThat(r[0]).isEqualTo("2");
        assertThat(run("vrrp", "-r", FILE, "--format", "xml")[0]).isEqualTo("1");
    }
}
