package org.tunnellens.analysis.lvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code tunnellens lvs}: the JSON keys the issue names and the ipvsadm-style text. */
class LvsCommandTest {
    static final Path DIR = Path.of("samples/lvs-nat");

    static String[] run(String... args) {
        return org.tunnellens.cli.CliRun.codeAndOutput(args);
    }

    @Test
    void jsonHasServicesConnectionsHealthChecksAndEvents() throws Exception {
        assumeThat(DIR.resolve("truth.json")).exists();
        JsonNode truth = new ObjectMapper().readTree(DIR.resolve("truth.json").toFile());
        String[] r = run("lvs", DIR.resolve("client-eth0.pcap").toString(), DIR.resolve("director-eth1.pcap").toString(),
                "--format", "json");
        assertThat(r[0]).isEqualTo("0");
        JsonNode root = new ObjectMapper().readTree(r[1]);
        JsonNode svc = root.get("services").get(0);
        assertThat(svc.get("vip").asText()).isEqualTo(truth.get("vip").asText());
        assertThat(svc.get("port").asInt()).isEqualTo(truth.get("port").asInt());
        assertThat(svc.get("protocol").asText()).isEqualTo("TCP");
        assertThat(svc.get("scheduler").asText()).isEqualTo("rr");
        JsonNode rs = svc.get("realServers").get(0);
        for (String key : new String[] {"ip", "port", "forward", "connections", "packetsIn", "packetsOut", "bytesIn",
                "bytesOut"}) {
            assertThat(rs.has(key)).as(key).isTrue();
        }
        JsonNode c = root.get("connections").get(0);
        JsonNode first = truth.get("requests").get(0);
        assertThat(c.get("client").asText()).isEqualTo(truth.get("client").get("ip").asText());
        assertThat(c.get("clientPort").asInt()).isEqualTo(first.get("client_port").asInt());
        assertThat(c.get("vip").asText()).isEqualTo(truth.get("vip").asText());
        assertThat(c.get("vport").asInt()).isEqualTo(truth.get("port").asInt());
        assertThat(c.get("realServer").asText()).isNotEmpty();
        assertThat(c.get("rport").asInt()).isEqualTo(truth.get("port").asInt());
        assertThat(c.get("frontFrame").isInt()).isTrue();
        assertThat(c.get("backFrame").isInt()).isTrue();
        assertThat(c.get("httpStatus").asInt()).isEqualTo(200);
        assertThat(root.get("healthChecks").size()).isEqualTo(truth.get("real_servers").size());
        assertThat(root.get("events").get(0).get("type").asText()).isNotEmpty();
    }

    @Test
    void textLooksLikeIpvsadmStats() {
        assumeThat(DIR.resolve("truth.json")).exists();
        String text = run("lvs", DIR.resolve("client-eth0.pcap").toString(),
                DIR.resolve("director-eth1.pcap").toString())[1];
        assertThat(text).contains("Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes");
        assertThat(text).contains("  -> RemoteAddress:Port");
        assertThat(text).containsPattern("(?m)^TCP  \\d+\\.\\d+\\.\\d+\\.\\d+:\\d+ +\\d+ +\\d+ +\\d+ +\\d+ +\\d+$");
        assertThat(text).containsPattern("(?m)^  -> \\d+\\.\\d+\\.\\d+\\.\\d+:\\d+ +\\d+ +\\d+ +\\d+ +\\d+ +\\d+$");
        assertThat(text).contains("Masq");
    }

    @Test
    void aFileThatIsNotACaptureIsNamedAndTheOthersStillCount() {
        String[] r = run("lvs", "pom.xml", "src/test/resources/corpus/public/tcpdump/vrrp.pcap");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("problem: ").contains("pom.xml").contains("byte offset 0");
    }
}
