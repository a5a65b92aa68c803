package org.tunnellens.dissect;

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
import org.tunnellens.cli.CliRun;
import org.tunnellens.dissect.proto.Ethernet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timestamp ping writes at the start of its echo data, at the edges of what tshark accepts as one: big- and
 * little-endian, a day before and after the frame, a microsecond field out of range. The lab captures cover the
 * common case (Linux ping, little-endian) in TsharkSamplesAgreementTest; tshark decides these.
 */
class IcmpDataTimeTest {
    private static final long FRAME_SECS = 1_699_056_000L + 80_000; // Nov 4, 2023: a one-digit day, as tshark pads it

    @TempDir
    Path tmp;

    @Test
    void timestampFieldsAndDataLengthEqualTshark() throws Exception {
        long t = FRAME_SECS;
        byte[] pcap = pcap(echo(t - 10, 5, false), echo(t + 10, 5, false), echo(t, 5, true), echo(t - 86_399, 5, false),
                echo(t - 86_400, 5, false), echo(t + 86_399, 5, false), echo(t, 1_000_000, false),
                echo(t - 1, 999_999, true), echo(0x01020304L, 7, false));
        Path file = tmp.resolve("icmp-data-time.pcap");
        Files.write(file, pcap);
        List<String> args = List.of("-r", file.toString(), "-T", "fields", "-e", "frame.number", "-e",
                "icmp.data_time", "-e", "icmp.data_time_relative", "-e", "data.len", "-e", "frame.protocols");
        List<String> ourCommand = new ArrayList<>(List.of("packets"));
        ourCommand.addAll(args);
        String[] ours = CliRun.codeAndOutput(ourCommand.toArray(String[]::new));
        List<String> tshark = new ArrayList<>(List.of("tshark", "-n"));
        tshark.addAll(args);
        Process p = new ProcessBuilder(tshark).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String theirs = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(theirs.lines().count()).isEqualTo(9);
        assertThat(ours[1].lines()).containsExactlyElementsOf(theirs.lines().toList());
    }

    /** An Ethernet/IPv4 ICMP echo request whose data starts with (seconds, microseconds), then 40 bytes. */
    private static byte[] echo(long secs, long usecs, boolean littleEndian) {
        ByteBuffer data = ByteBuffer.allocate(48).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        data.putInt((int) secs).putInt((int) usecs);
        for (int i = 0; i < 40; i++) {
            data.put((byte) i);
        }
        ByteBuffer icmp = ByteBuffer.allocate(8 + 48);
        icmp.put((byte) 8).put((byte) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1).put(data.array());
        return CraftedPcap.ipv4Frame(1, 1, 0, icmp.capacity()).put(icmp.array()).array();
    }

    private static byte[] pcap(byte[]... frames) {
        return CraftedPcap.of(FRAME_SECS, frames);
    }
}
