package org.tunnellens.dissect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnellens.capture.CaptureFile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public corpus capture against the {@code .tshark.tsv} tshark 4.0.17 wrote for it, packet by packet: every
 * field but frame.protocols equal (or allow-listed), frame.protocols equal for at least 95% of all packets.
 * The TSVs were made with {@code -o udp.try_heuristic_first:TRUE -d udp.port==8472,vxlan}, so we decode the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TsharkCorpusAgreementTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/public");
    private static final String PROTOCOLS = "frame.protocols";

    private Map<String, String> allowed;
    private final Set<String> allowedUsed = new HashSet<>();
    private long packets;
    private long protocolsEqual;
    private int captures;

    @BeforeAll
    void loadAllowList() throws IOException {
        allowed = AllowList.load();
    }

    static Stream<String> captures() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.map(p -> CORPUS.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".tshark.tsv"))
                    .map(p -> p.substring(0, p.length() - ".tshark.tsv".length()))
                    .sorted().toList().stream();
        }
    }

    static DecodeConfig tsvConfig() {
        return DecodeConfig.defaults().withDecodeAs("udp.port==8472,vxlan")
                .withPreference("udp.try_heuristic_first", "TRUE");
    }

    @ParameterizedTest
    @MethodSource("captures")
    void fieldsEqualTshark(String capture) throws Exception {
        TsharkTable expected = TsharkTable.read(CORPUS.resolve(capture + ".tshark.tsv"));
        OurFields ours = new OurFields(expected.fields());
        List<String> differences = new ArrayList<>();
        int protocolsOk = 0;
        try (CaptureFile f = CaptureFile.open(CORPUS.resolve(capture))) {
            assertThat(f.packetCount()).as(capture + " packet count").isEqualTo(expected.rows().size());
            PacketDissector dissector = new PacketDissector(f, tsvConfig());
            for (int p = 0; p < f.packetCount(); p++) {
                Dissection d = dissector.dissect(p);
                for (int c = 0; c < ours.size(); c++) {
                    String want = expected.value(p, c);
                    String got = ours.value(d, c);
                    String field = ours.name(c);
                    if (field.equals(PROTOCOLS)) {
                        protocolsOk += want.equals(got) ? 1 : 0;
                        continue;
                    }
                    String key = AllowList.key(capture, p + 1, field);
                    if (allowed.containsKey(key)) {
                        assertThat(got).as(key + " is allow-listed but now agrees with tshark").isNotEqualTo(want);
                        allowedUsed.add(key);
                    } else if (!want.equals(got)) {
                        differences.add("frame " + (p + 1) + " " + field + ": tshark \"" + want + "\", ours \""
                                + got + "\"");
                    }
                }
            }
        }
        synchronized (this) {
            packets += expected.rows().size();
            protocolsEqual += protocolsOk;
            captures++;
        }
        assertThat(differences).as(capture).isEmpty();
    }

    @AfterAll
    void protocolsAgreeOnAtLeast95Percent() throws IOException {
        if (captures < captures().count()) {
            return; // a filtered run (-Dtest=...#method): the overall ratio needs every capture
        }
        assertThat(allowedUsed).as("allow-list entries for packets that no longer exist")
                .containsExactlyInAnyOrderElementsOf(allowed.keySet());
        assertThat(packets).isPositive();
        assertThat((double) protocolsEqual / packets).as("share of packets whose frame.protocols equals tshark's ("
                + protocolsEqual + " of " + packets + ")").isGreaterThanOrEqualTo(0.95);
    }
}
