package org.tunnellens.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnellens.analysis.vrrp.VrrpAnalysis;
import org.tunnellens.analysis.vrrp.VrrpAnalyzer;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.Frame;
import org.tunnellens.dissect.PacketDissector;

/**
 * The bad files of the "never crash, never hang, never lose what was readable" issue, each built from a real
 * capture: the message names the file (and the byte offset where there is one), and every packet before the fault
 * stays readable. {@link CaptureFaultTest} has the pcapng trailer / past-the-end block lengths and the 300000-byte
 * record.
 */
class HostileFileTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/public");
    /** 127 VXLAN packets, 87 KiB: spans many pages, which the shrinking-file tests need. */
    static final Path BIG = CORPUS.resolve("ndpi/vxlan.pcap");
    static final Path VRRP = Path.of("samples/keepalived-vrrp/director1-eth0.pcap");
    static final Path PCAPNG = CORPUS.resolve("gopacket/le/test001.pcapng");
    static final int PCAP_RECORD_HEADER = 16;

    @TempDir
    Path dir;

    @Test
    void wrongMagicNamesFileOffsetAndMagic() throws IOException {
        byte[] bytes = Files.readAllBytes(BIG);
        bytes[0] = 'G';
        bytes[1] = 'I';
        bytes[2] = 'F';
        bytes[3] = '8';
        Path bad = write("not-a-capture.pcap", bytes);
        assertThatThrownBy(() -> CaptureFile.open(bad)).isInstanceOf(CaptureException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("byte offset 0")
                .hasMessageContaining("0x47494638")
                .satisfies(e -> assertThat(((CaptureException) e).offset()).isZero());
    }

    @Test
    void fileShorterThanAnyMagicIsRefused() throws IOException {
        Path bad = write("three-bytes.pcap", new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2});
        assertThatThrownBy(() -> CaptureFile.open(bad)).isInstanceOf(CaptureException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("too short");
    }

    @Test
    void pcapngBlockLengthNotAMultipleOfFourStopsAtThatBlock() throws Exception {
        long third;
        try (CaptureFile f = CaptureFile.open(PCAPNG)) {
            third = f.index().offset(2) - 28;
        }
        byte[] bytes = Files.readAllBytes(PCAPNG);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) third + 4, b.getInt((int) third + 4) - 2);
        Path bad = write("odd-length.pcapng", bytes);
        try (CaptureFile f = CaptureFile.open(bad)) {
            assertThat(f.packetCount()).isEqualTo(2);
            assertThat(f.problem().offset()).isEqualTo(third);
            assertThat(f.problem().message()).contains(bad.toString()).contains("multiple of 4");
        }
    }

    @Test
    void recordLongerThanTheRestOfTheFileKeepsTheEarlierPackets() throws Exception {
        int total;
        long tenth;
        try (CaptureFile f = CaptureFile.open(BIG)) {
            total = f.packetCount();
            tenth = f.index().offset(9) - PCAP_RECORD_HEADER;
        }
        byte[] bytes = Files.readAllBytes(BIG);
        // within the 256 KiB sanity limit, so only the file's end can show the lie
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt((int) tenth + 8, bytes.length);
        Path bad = write("longer-than-file.pcap", bytes);
        try (CaptureFile f = CaptureFile.open(bad)) {
            assertThat(total).isGreaterThan(100);
            assertThat(f.packetCount()).isEqualTo(9);
            assertThat(f.problem().offset()).isEqualTo(tenth);
            assertThat(f.problem().message()).contains(bad.toString()).contains("cut short")
                    .contains("of " + bytes.length + " bytes");
            assertDissectsEveryPacket(f);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 0xFFFF_FFFFL})
    void extremeSnaplenIsOnlyAHeaderValue(long snaplen) throws Exception {
        byte[] bytes = Files.readAllBytes(BIG);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(16, (int) snaplen);
        Path odd = write("snaplen-" + snaplen + ".pcap", bytes);
        try (CaptureFile original = CaptureFile.open(BIG); CaptureFile f = CaptureFile.open(odd)) {
            assertThat(f.problem()).isNull();
            assertThat(f.interfaces().getFirst().snaplen()).isEqualTo(snaplen);
            assertThat(f.packetCount()).isEqualTo(original.packetCount());
            assertThat(f.index().capturedLength(f.packetCount() - 1))
                    .isEqualTo(original.index().capturedLength(original.packetCount() - 1));
            assertDissectsEveryPacket(f);
        }
    }

    @Test
    void timestampsGoingBackwardsAreShownAsNegativeDeltas() throws Exception {
        byte[] bytes = Files.readAllBytes(VRRP);
        long second;
        int count;
        try (CaptureFile f = CaptureFile.open(VRRP)) {
            count = f.packetCount();
            second = f.index().offset(1) - PCAP_RECORD_HEADER;
        }
        // packet 2 stamped one hour before packet 1
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) second, b.getInt(24) - 3600);
        Path back = write("backwards.pcap", bytes);
        try (CaptureFile f = CaptureFile.open(back)) {
            assertThat(f.problem()).isNull();
            assertThat(f.packetCount()).isEqualTo(count);
            Dissection d = new PacketDissector(f).dissect(1);
            assertThat(FieldFormatter.value(d, d.first(Frame.TIME_DELTA))).startsWith("-3599.");
            VrrpAnalysis a = new VrrpAnalyzer().add(f, back.getFileName().toString()).analyze();
            assertThat(a).isNotNull();
        }
    }

    @Test
    void directoryIsRefusedWithItsName() {
        assertThatThrownBy(() -> CaptureFile.open(dir)).isInstanceOf(CaptureException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("directory");
    }

    @Test
    void missingFileIsRefusedWithItsName() {
        Path none = dir.resolve("gone.pcap");
        assertThatThrownBy(() -> CaptureFile.open(none)).isInstanceOf(CaptureException.class)
                .hasMessageContaining(none.toString()).hasMessageContaining("no such file");
    }

    @Test
    void unreadableFileIsRefusedWithItsName() throws IOException {
        // root ignores permission bits, so this can only be checked as an ordinary user (CI runs as root: skipped)
        assumeThat(System.getProperty("user.name")).isNotEqualTo("root");
        Path locked = write("locked.pcap", Files.readAllBytes(VRRP));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(locked)).isFalse();
        assertThatThrownBy(() -> CaptureFile.open(locked)).isInstanceOf(CaptureException.class)
                .hasMessageContaining(locked.toString()).hasMessageContaining("permission denied");
    }

    @Test
    void fileGrowingAfterOpenIsReadUpToItsSizeAtOpenAndAReopenReadsMore() throws Exception {
        byte[] bytes = Files.readAllBytes(VRRP);
        int total;
        long cut;
        try (CaptureFile f = CaptureFile.open(VRRP)) {
            total = f.packetCount();
            cut = f.index().offset(total / 2) - PCAP_RECORD_HEADER;
        }
        Path growing = write("growing.pcap", Arrays.copyOf(bytes, (int) cut));
        try (CaptureFile f = CaptureFile.openLazily(growing)) {
            // tcpdump writes the rest while we read
            Files.write(growing, Arrays.copyOfRange(bytes, (int) cut, bytes.length), StandardOpenOption.APPEND);
            f.indexAll(null, null);
            assertThat(f.size()).isEqualTo(cut);
            assertThat(f.packetCount()).isEqualTo(total / 2);
            assertThat(f.problem()).isNull();
            assertDissectsEveryPacket(f);
        }
        try (CaptureFile again = CaptureFile.open(growing)) {
            assertThat(again.packetCount()).isEqualTo(total);
        }
    }

    @Test
    void fileTruncatedBeforeIndexingGivesAReadProblemNotACrash() throws Exception {
        Path shrinking = write("shrinking.pcap", Files.readAllBytes(BIG));
        try (CaptureFile f = CaptureFile.openLazily(shrinking)) {
            f.indexMore(5);
            truncate(shrinking, 4096);
            f.indexAll(null, null);
            assertThat(f.packetCount()).isBetween(5, 126);
            assertThat(f.problem()).isNotNull();
            assertThat(f.problem().message()).contains(shrinking.toString()).contains("shrank")
                    .contains("byte offset " + f.problem().offset());
            assertThat(f.problem().offset()).isBetween(4096L - 2000, 4096L + 4096);
        }
    }

    @Test
    void fileTruncatedBetweenOpenAndDissectionMarksPacketsMalformedNotACrash() throws Exception {
        Path shrinking = write("shrinking.pcap", Files.readAllBytes(BIG));
        try (CaptureFile f = CaptureFile.open(shrinking)) {
            int total = f.packetCount();
            truncate(shrinking, 4096);
            PacketDissector dissector = new PacketDissector(f);
            Dissection first = dissector.dissect(0);
            assertThat(first.layerCount()).isGreaterThan(3);
            Dissection last = dissector.dissect(total - 1);
            assertThat(last.flags(last.layerOccurrence(0)) & Dissection.FLAG_MALFORMED).isNotZero();
            assertThat(last.capturedLength()).isZero();
            assertDissectsEveryPacket(f);
        }
    }

    private static void truncate(Path p, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    private static void assertDissectsEveryPacket(CaptureFile f) {
        PacketDissector dissector = new PacketDissector(f);
        for (int i = 0; i < f.packetCount(); i++) {
            Dissection d = dissector.dissect(i);
            for (int occ = 0; occ < d.count(); occ++) {
                FieldFormatter.value(d, occ);
                FieldFormatter.treeLine(d, occ);
            }
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }
}
