package org.tunnellens.dissect.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnellens.dissect.DecodeConfig;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.OneFrame;
import org.tunnellens.dissect.TsharkOracle;

/** NTP: bytes in, fields out (gopacket's style), each short-header branch, and tshark on real captures. */
class NtpTest {
    /** Frame 6 of pcapplusplus/many_interfaces-1.pcapng: a macOS client asking time.apple.com. */
    private static final String CLIENT = "94103e0536d3a45e60f17d93080045c0004c6e26000040112a8ec0a8018b11fd0cfd"
            + "007b007b0038287f23020aec00000d0b00000af611fd0cfdd97b623cbfe49dcdd97b6437ad7fd089d97b6437b6d0e9b0"
            + "d97b647e296af531";

    @Test
    void clientRequestFieldsAsTsharkShowsThem() throws Exception {
        try (OneFrame f = OneFrame.hex(CLIENT)) {
            assertThat(f.protocols()).isEqualTo("eth:ethertype:ip:udp:ntp");
            assertThat(f.field("ntp.flags")).isEqualTo("0x23");
            assertThat(f.field("ntp.flags.li")).isEqualTo("0");
            assertThat(f.field("ntp.flags.vn")).isEqualTo("4");
            assertThat(f.field("ntp.flags.mode")).isEqualTo("3");
            assertThat(f.field("ntp.stratum")).isEqualTo("2");
            assertThat(f.field("ntp.ppoll")).isEqualTo("10");
            assertThat(f.field("ntp.precision")).isEqualTo("236");
            assertThat(f.field("ntp.rootdelay")).isEqualTo("3339");
            assertThat(f.field("ntp.rootdispersion")).isEqualTo("2806");
            assertThat(f.field("ntp.refid")).isEqualTo("11fd0cfd");
            assertThat(f.field("ntp.reftime")).isEqualTo("Aug 16, 2015 19:25:48.749582159 UTC");
            assertThat(f.field("ntp.xmt")).isEqualTo("Aug 16, 2015 19:35:26.161788296 UTC");
            assertThat(f.info()).isEqualTo("NTP Version 4, client");
            assertThat(f.protocolColumn()).isEqualTo("NTP");
            Dissection d = f.dissection();
            int ntp = d.first(Ntp.PROTO);
            assertThat(d.start(ntp)).isEqualTo(42);
            assertThat(d.length(ntp)).isEqualTo(48);
            int vn = d.first(Ntp.VN);
            assertThat(d.parent(vn)).isEqualTo(d.first(Ntp.FLAGS));
            StringBuilder summary = new StringBuilder();
            Ntp.INSTANCE.appendSummary(d, ntp, summary);
            assertThat(summary).hasToString("Network Time Protocol (NTP Version 4, client)");
        }
    }

    @Test
    void zeroTimestampsPrintNull() throws Exception {
        byte[] frame = HexFormat.of().parseHex(CLIENT.replace(" ", ""));
        java.util.Arrays.fill(frame, 42 + 16, 42 + 40, (byte) 0); // reference, origin, receive
        try (OneFrame f = OneFrame.bytes(frame)) {
            assertThat(f.field("ntp.reftime")).isEqualTo("NULL");
            assertThat(f.field("ntp.rec")).isEqualTo("NULL");
            assertThat(f.field("ntp.xmt")).isEqualTo("Aug 16, 2015 19:35:26.161788296 UTC");
        }
    }

    /** A header cut short by a lying UDP length keeps the fields that fit and is malformed, as tshark says. */
    @Test
    void shortHeaderKeepsWhatFitsAndIsMalformed(@TempDir Path dir) throws Exception {
        byte[] whole = HexFormat.of().parseHex(CLIENT.replace(" ", ""));
        byte[] frame = java.util.Arrays.copyOf(whole, 42 + 20);
        frame[17] = (byte) (20 + 8 + 20); // IPv4 total length
        frame[39] = (byte) (8 + 20); // UDP length
        Path pcap = OneFrame.writePcap(dir, frame);
        List<String> fields = List.of("ntp.flags", "ntp.stratum", "ntp.rootdispersion", "ntp.refid", "ntp.reftime",
                "_ws.col.Info");
        assertThat(TsharkOracle.differences(pcap, fields, DecodeConfig.defaults())).isEmpty();
        try (OneFrame f = OneFrame.bytes(frame)) {
            assertThat(f.field("ntp.refid")).isEqualTo("11fd0cfd");
            assertThat(f.field("ntp.reftime")).isEmpty();
            assertThat(f.info()).isEqualTo("NTP Version 4, client[Malformed Packet]");
        }
    }

    /** The same header cut by the capture's snaplen is "[Packet size limited during capture]", not malformed. */
    @Test
    void snaplenCutIsNotMalformed() throws Exception {
        byte[] whole = HexFormat.of().parseHex(CLIENT.replace(" ", ""));
        try (OneFrame f = OneFrame.cut(whole, 42 + 30)) {
            assertThat(f.field("ntp.rootdispersion")).isEqualTo("2806");
            assertThat(f.info()).isEqualTo("NTP Version 4, client");
        }
    }

    /** Control messages (mode 6) show their flags; their own layout is not decoded. */
    @Test
    void controlMessageShowsFlagsOnly() throws Exception {
        byte[] frame = HexFormat.of().parseHex(CLIENT.replace(" ", ""));
        frame[42] = 0x16; // version 2, mode 6
        try (OneFrame f = OneFrame.bytes(frame)) {
            assertThat(f.field("ntp.flags.mode")).isEqualTo("6");
            assertThat(f.field("ntp.stratum")).isEmpty();
            assertThat(f.info()).isEqualTo("NTP Version 2, control");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcapplusplus/many_interfaces-1.pcapng", "pcap-parser/wireshark_samples-test.pcapng"})
    void everyNtpFieldEqualsTsharksOnRealCaptures(String capture) throws Exception {
        Path file = Path.of("src/test/resources/corpus/public").resolve(capture);
        List<String> fields = List.of("ntp.flags", "ntp.flags.li", "ntp.flags.vn", "ntp.flags.mode",
                "ntp.stratum", "ntp.ppoll", "ntp.precision", "ntp.rootdelay", "ntp.rootdispersion", "ntp.refid",
                "ntp.reftime", "ntp.org", "ntp.rec", "ntp.xmt", "_ws.col.Info", "_ws.col.Protocol");
        assertThat(TsharkOracle.differences(file, fields, DecodeConfig.defaults(), "-Y", "ntp")).isEmpty();
    }
}
