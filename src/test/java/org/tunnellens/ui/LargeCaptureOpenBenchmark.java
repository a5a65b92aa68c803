package org.tunnellens.ui;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.filter.DisplayFilter;

/**
 * What a student waits for when opening a 1 GiB capture in the window, measured on the same code path the window
 * uses (CaptureLoader's batches, RowSummaries for visible rows, PacketFilterRun). A one-shot cold measurement, so a
 * plain main rather than JMH's steady-state loops; not run by the unit tests.
 *
 * <pre>
 * mvn -q -B -DskipTests test-compile package
 * java --enable-native-access=ALL-UNNAMED -cp target/test-classes:target/tunnellens.jar \
 *     org.tunnellens.ui.LargeCaptureOpenBenchmark /tmp/tunnellens-1gib.pcap
 * </pre>
 * The file is made once from the packets of samples/corpus/vxlan-4789.pcap repeated with advancing timestamps.
 */
public final class LargeCaptureOpenBenchmark {
    private static final long GIB = 1L << 30;
    private static final int VISIBLE_ROWS = 40;

    private LargeCaptureOpenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path big = Path.of(args.length > 0 ? args[0] : "/tmp/tunnellens-1gib.pcap");
        if (!Files.exists(big) || Files.size(big) < GIB) {
            long t = System.nanoTime();
            make(Path.of("samples/corpus/vxlan-4789.pcap"), big, GIB);
            System.out.printf("made %s (%d bytes) in %.1f s%n", big, Files.size(big), (System.nanoTime() - t) / 1e9);
        }
        long t0 = System.nanoTime();
        try (CaptureFile f = CaptureFile.openLazily(big)) {
            f.indexMore(CaptureLoader.FIRST_BATCH);
            RowSummaries rows = new RowSummaries(f);
            for (int i = 0; i < VISIBLE_ROWS; i++) {
                rows.row(i);
            }
            long firstRows = System.nanoTime();
            while (f.indexMore(CaptureLoader.BATCH)) {
                // the loader's loop, without the UI notifications
            }
            long indexed = System.nanoTime();
            long s = System.nanoTime();
            for (int i = f.packetCount() - VISIBLE_ROWS; i < f.packetCount(); i++) {
                rows.row(i);
            }
            long scrolled = System.nanoTime();
            int[] matches = PacketFilterRun.run(f, f.packetCount(), DisplayFilter.compile("arp"), n -> { },
                    () -> false);
            long filtered = System.nanoTime();
            System.out.printf("file: %.2f GiB, %d packets, index heap %d MB%n", f.size() / (double) GIB,
                    f.packetCount(), f.index().heapBytes() >> 20);
            System.out.printf("first %d rows on screen after: %.0f ms%n", VISIBLE_ROWS, (firstRows - t0) / 1e6);
            System.out.printf("whole file indexed after:     %.0f ms%n", (indexed - t0) / 1e6);
            System.out.printf("jump to the last %d rows:     %.1f ms%n", VISIBLE_ROWS, (scrolled - s) / 1e6);
            System.out.printf("filter \"arp\" over all packets: %.0f ms (%d matches)%n", (filtered - scrolled) / 1e6,
                    matches.length);
        }
    }

    /** Writes {@code size} bytes of pcap made of the source's packets repeated, 1 ms apart. */
    static void make(Path source, Path out, long size) throws IOException, org.tunnellens.capture.CaptureException {
        try (CaptureFile src = CaptureFile.open(source);
             OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                    .putInt(src.linkType(0));
            os.write(h.array());
            byte[][] packets = new byte[src.packetCount()][];
            for (int i = 0; i < packets.length; i++) {
                packets[i] = src.data().asSlice(src.index().offset(i), src.index().capturedLength(i))
                        .toArray(ValueLayout.JAVA_BYTE);
            }
            long written = 24;
            long micros = 0;
            ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; written < size; i = (i + 1) % packets.length, micros += 1000) {
                rec.clear();
                rec.putInt((int) (1_700_000_000L + micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                        .putInt(packets[i].length).putInt(packets[i].length);
                os.write(rec.array());
                os.write(packets[i]);
                written += 16 + packets[i].length;
            }
        }
    }
}
