package org.tunnellens.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged files built by cutting and patching corpus captures: reading stops at the damage, the packets before it
 * stay available, and the problem names the file and the byte offset of the bad record or block.
 */
class CaptureFaultTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/public");
    static final Path PCAP = CORPUS.resolve("tcpdump/vxlan.pcap");
    static final Path PCAPNG = CORPUS.resolve("gopacket/le/test001.pcapng");
    static final int PCAP_RECORD_HEADER = 16;
    static final int EPB_HEADER = 28;

    @TempDir
    Path dir;

    @Test
    void truncatedLastRecordKeepsThePacketsBefore() throws Exception {
        long lastRecord;
        int total;
        try (CaptureFile f = CaptureFile.open(PCAP)) {
            total = f.packetCount();
            lastRecord = f.index().offset(total - 1) - PCAP_RECORD_HEADER;
        }
        byte[] bytes = Files.readAllBytes(PCAP);
        Path cut = write("cut.pcap", Arrays.copyOf(bytes, bytes.length - 7)); // as tcpdump killed by ^C leaves it
        try (CaptureFile f = CaptureFile.open(cut)) {
            assertThat(f.packetCount()).isEqualTo(total - 1);
            assertThat(f.problem().file()).isEqualTo(cut);
            assertThat(f.problem().offset()).isEqualTo(lastRecord);
            assertThat(f.problem().message()).contains(cut.toString()).contains("byte offset " + lastRecord)
                    .contains("cut short");
        }
    }

    @Test
    void recordLongerThan256KiBStopsReading() throws Exception {
        long third;
        try (CaptureFile f = CaptureFile.open(PCAP)) {
            third = f.index().offset(2) - PCAP_RECORD_HEADER;
        }
        byte[] bytes = Files.readAllBytes(PCAP);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt((int) third + 8, 300_000);
        Path bad = write("huge.pcap", bytes);
        try (CaptureFile f = CaptureFile.open(bad)) {
            assertThat(f.packetCount()).isEqualTo(2);
            assertThat(f.problem().offset()).isEqualTo(third);
            assertThat(f.problem().reason()).contains("300000").contains("262144");
        }
    }

    @Test
    void pcapngBlockWithWrongTrailingLengthStopsThere() throws Exception {
        long thirdBlock;
        try (CaptureFile f = CaptureFile.open(PCAPNG)) {
            assertThat(f.packetCount()).isEqualTo(4);
            thirdBlock = f.index().offset(2) - EPB_HEADER;
        }
        byte[] bytes = Files.readAllBytes(PCAPNG);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int length = b.getInt((int) thirdBlock + 4);
        b.putInt((int) thirdBlock + length - 4, length + 4);
        Path bad = write("trailer.pcapng", bytes);
        try (CaptureFile f = CaptureFile.open(bad)) {
            assertThat(f.packetCount()).isEqualTo(2);
            assertThat(f.problem().file()).isEqualTo(bad);
            assertThat(f.problem().offset()).isEqualTo(thirdBlock);
            assertThat(f.problem().reason()).contains("trailing");
        }
    }

    @Test
    void pcapngBlockLengthPointingPastTheFileStopsThere() throws Exception {
        long secondBlock;
        try (CaptureFile f = CaptureFile.open(PCAPNG)) {
            secondBlock = f.index().offset(1) - EPB_HEADER;
        }
        byte[] bytes = Files.readAllBytes(PCAPNG);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt((int) secondBlock + 4, 0x7fff_fff0);
        Path bad = write("lying.pcapng", bytes);
        try (CaptureFile f = CaptureFile.open(bad)) {
            assertThat(f.packetCount()).isEqualTo(1);
            assertThat(f.problem().offset()).isEqualTo(secondBlock);
        }
    }

    @Test
    void obsoletePacketBlockIsRead() throws Exception {
        // an EPB with interface id 0 becomes a valid obsolete PB (type 2: 16-bit interface id, 16-bit drops = 0)
        byte[] bytes = Files.readAllBytes(PCAPNG);
        long[] offsets;
        long[] stamps;
        try (CaptureFile f = CaptureFile.open(PCAPNG)) {
            offsets = new long[] {f.index().offset(0), f.index().offset(3)};
            stamps = new long[] {f.index().timestampNanos(0), f.index().timestampNanos(3)};
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (long data : offsets) {
            b.putInt((int) data - EPB_HEADER, 2);
        }
        Path pb = write("pb.pcapng", bytes);
        try (CaptureFile f = CaptureFile.open(pb)) {
            assertThat(f.problem()).isNull();
            assertThat(f.packetCount()).isEqualTo(4);
            assertThat(f.index().timestampNanos(0)).isEqualTo(stamps[0]);
            assertThat(f.index().timestampNanos(3)).isEqualTo(stamps[1]);
        }
    }

    @Test
    void emptyFileIsRefusedWithItsName() throws IOException {
        Path empty = write("empty.pcap", new byte[0]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CaptureFile.open(empty))
                .isInstanceOf(CaptureException.class).hasMessageContaining(empty.toString());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }
}
