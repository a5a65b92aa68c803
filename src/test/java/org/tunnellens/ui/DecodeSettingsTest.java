package org.tunnellens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunnellens.dissect.DecodeConfig;

/** The Decode As files: written as Wireshark writes its own, read back, and a bad line never stops the app. */
class DecodeSettingsTest {
    @Test
    void roundTripAndBadLinesSkipped(@TempDir Path dir) throws Exception {
        DecodeConfig c = DecodeConfig.defaults().withDecodeAs("udp.port==8000-8010,vxlan")
                .withDecodeAs("tcp.port==8443,tls").withHeuristic("dns_udp", false);
        DecodeSettings.save(dir, c);
        assertThat(DecodeSettings.load(dir)).isEqualTo(c);

        Files.writeString(dir.resolve("decode_as_entries"), """
                decode_as_entry: udp.port,9999,(none),vxlan
                decode_as_entry: udp.port,70000,(none),vxlan
                decode_as_entry: udp.port,9998,(none),no-such-protocol
                decode_as_entry: broken
                """);
        Files.writeString(dir.resolve("heuristic_protos"), "vxlan_udp,0\nno_such_heuristic,1\n");
        assertThat(DecodeSettings.load(dir)).isEqualTo(DecodeConfig.defaults().withDecodeAs("udp.port==9999,vxlan")
                .withHeuristic("vxlan_udp", false));
        assertThat(DecodeSettings.load(dir.resolve("missing"))).isEqualTo(DecodeConfig.defaults());
    }
}
