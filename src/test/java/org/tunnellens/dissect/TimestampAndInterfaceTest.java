package org.tunnellens.dissect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnellens.capture.CaptureFile;

/**
 * Nanosecond and big-endian pcap timestamps, pcapng if_tsresol, and per-packet interface names of a pcapng with
 * several interfaces, against tshark's frame.time_epoch and frame.interface_name.
 */
class TimestampAndInterfaceTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/public");
    static final List<String> FIELDS = List.of("frame.time_epoch", "frame.interface_name", "frame.interface_id");

    @ParameterizedTest
    @ValueSource(strings = {"pcapplusplus/nanosecs_big_endian.pcap", "arkime/bigendian.pcap",
        "gopacket/be/test001.pcapng", "pcapplusplus/many_interfaces-1.pcapng"})
    void equalsTshark(String name) throws Exception {
        Path capture = CORPUS.resolve(name);
        Process p = new ProcessBuilder("tshark", "-r", capture.toString(), "-T", "fields", "-E", "header=y",
                "-e", FIELDS.get(0), "-e", FIELDS.get(1), "-e", FIELDS.get(2))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("tshark finished").isTrue();
        TsharkTable expected = TsharkTable.parse(out.lines().toList());
        OurFields ours = new OurFields(FIELDS);
        try (CaptureFile f = CaptureFile.open(capture)) {
            assertThat(f.packetCount()).isEqualTo(expected.rows().size()).isPositive();
            PacketDissector dissector = new PacketDissector(f);
            for (int i = 0; i < f.packetCount(); i++) {
                Dissection d = dissector.dissect(i);
                for (int c = 0; c < FIELDS.size(); c++) {
                    assertThat(ours.value(d, c)).as(name + " frame " + (i + 1) + " " + FIELDS.get(c))
                            .isEqualTo(expected.value(i, c));
                }
            }
        }
    }
}
