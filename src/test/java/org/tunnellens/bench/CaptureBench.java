package org.tunnellens.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.PacketDissector;

/**
 * Throughput of reading + full dissection on a real VXLAN capture tiled to a given size (a benchmark, not a test:
 * run by scripts/bench.sh). {@code tile SOURCE TARGET BYTES} writes the tiled file; {@code run FILE [ROUNDS]}
 * opens, indexes and dissects every packet ROUNDS times and prints packets/s, MB/s and index heap per packet.
 */
public final class CaptureBench {
    private CaptureBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("tile")) {
            tile(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]));
        } else if (args.length >= 2 && args[0].equals("run")) {
            run(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
        } else {
            System.err.println("usage: CaptureBench tile SOURCE.pcap TARGET.pcap BYTES | run FILE [ROUNDS]");
            System.exit(1);
        }
    }

    /** Repeats the records of a classic pcap after its 24-byte header until the file reaches {@code bytes}. */
    static void tile(Path source, Path target, long bytes) throws IOException {
        byte[] all = Files.readAllBytes(source);
        byte[] records = java.util.Arrays.copyOfRange(all, 24, all.length);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
            out.write(all, 0, 24);
            for (long written = 24; written + records.length <= bytes; written += records.length) {
                out.write(records);
            }
        }
    }

    static void run(Path file, int rounds) throws Exception {
        long size = Files.size(file);
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long layers = 0;
            int packets;
            long heap;
            try (CaptureFile f = CaptureFile.open(file)) {
                packets = f.packetCount();
                heap = f.index().heapBytes();
                PacketDissector dissector = new PacketDissector(f);
                for (int i = 0; i < packets; i++) {
                    Dissection d = dissector.dissect(i);
                    layers += d.layerCount();
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d: %,d packets, %,d layers in %.3f s: %,.0f packets/s, %,.0f MB/s, "
                    + "index heap %.1f bytes/packet%n", r + 1, packets, layers, s, packets / s, size / s / 1e6,
                    (double) heap / packets);
        }
    }
}
