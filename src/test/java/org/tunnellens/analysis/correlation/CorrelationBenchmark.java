package org.tunnellens.analysis.correlation;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tunnellens.capture.CaptureFile;

/**
 * The million-packet case, run by hand (timings belong in benchmarks, not in unit tests):
 * <pre>
 * mvn -q -B -DskipTests package test-compile
 * java -Xmx2g -cp target/test-classes:target/tunnellens.jar \
 *     org.tunnellens.analysis.correlation.CorrelationBenchmark [PACKETS] [OUTER INNER]
 * </pre>
 * Tiles a capture pair (default: the OpenNebula lab pair) until the outer file has PACKETS packets (default one
 * million), each tile moved later in time and its inner IPv4 identification set to the tile number in both
 * files, so that tiles are distinct frames as in real traffic (ARP frames stay equal across tiles: the
 * equal-frame path is exercised too). Then times opening (mapping + indexing) and pairing. Outer IPv4 fragments are
 * copied unchanged, so a pair with fragments (the OpenStack lab pair) measures the reassembly path as well.
 */
public final class CorrelationBenchmark {
    private CorrelationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int packets = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path outer = Path.of(args.length > 2 ? args[1] : "samples/opennebula-8472/kvm2-enp0s8.pcap");
        Path inner = Path.of(args.length > 2 ? args[2] : "samples/opennebula-8472/kvm2-vxlan_bridge.pcap");
        Path dir = Files.createTempDirectory("tunnellens-bench");
        Path bigOuter = dir.resolve("outer.pcap");
        Path bigInner = dir.resolve("inner.pcap");
        int tiles;
        try (CaptureFile o = CaptureFile.open(outer); CaptureFile i = CaptureFile.open(inner)) {
            tiles = (packets + o.packetCount() - 1) / o.packetCount();
            long span = Math.max(span(o), span(i)) + 1_000_000_000L;
            tile(o, tiles, span, bigOuter);
            tile(i, tiles, span, bigInner);
        }
        System.out.printf("tiles: %d, files: %s (%d MB), %s (%d MB)%n", tiles, bigOuter, Files.size(bigOuter) >> 20,
                bigInner, Files.size(bigInner) >> 20);
        for (int run = 1; run <= 5; run++) {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try (CaptureFile o = CaptureFile.open(bigOuter); CaptureFile i = CaptureFile.open(bigInner)) {
                long t1 = System.nanoTime();
                long c1 = mx.getCurrentThreadCpuTime();
                CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(o, i);
                long t2 = System.nanoTime();
                long c2 = mx.getCurrentThreadCpuTime();
                // CPU time too: on a shared machine the wall clock also measures the neighbours
                System.out.printf("run %d: %d + %d packets, open+index %.0f ms (cpu %.0f), pairing %.0f ms (cpu %.0f),"
                                + " %d pairs, unpaired outer %s, inner %s%n", run, o.packetCount(), i.packetCount(),
                        (t1 - t0) / 1e6, (c1 - c0) / 1e6, (t2 - t1) / 1e6, (c2 - c1) / 1e6, r.pairs().size(),
                        r.summary().unpairedOuter(), r.summary().unpairedInner());
            }
        }
        Files.delete(bigOuter);
        Files.delete(bigInner);
        Files.delete(dir);
    }

    private static long span(CaptureFile f) {
        return f.index().timestampNanos(f.packetCount() - 1) - f.index().timestampNanos(0);
    }

    private static void tile(CaptureFile f, int tiles, long span, Path out) throws IOException {
        FrameLocator loc = new FrameLocator(f, org.tunnellens.dissect.DecodeConfig.defaults());
        LocatedFrame lf = new LocatedFrame();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1);
            os.write(h.array());
            ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (int t = 0; t < tiles; t++) {
                for (int p = 0; p < f.packetCount(); p++) {
                    long base = f.index().offset(p);
                    byte[] b = f.data().asSlice(base, f.index().capturedLength(p)).toArray(ValueLayout.JAVA_BYTE);
                    loc.locate(p, lf);
                    int l3 = (int) (lf.l3Offset - base);
                    // outer fragments keep their bytes (a reassembled frame's key is not in one packet): their
                    // datagrams repeat in every tile, as reassembly allows once the previous one is whole, and so
                    // do the inner frames too big for the tunnel on the other side; equal frames pair by time
                    boolean inPacket = lf.kind() != FrameKind.FRAGMENT && lf.bytes == f.data()
                            && lf.frameLength() + CorrelationOptions.VXLAN_OVERHEAD <= 1500;
                    if (inPacket && lf.l3Offset >= 0 && l3 + 6 <= b.length && (b[l3] & 0xf0) == 0x40) {
                        b[l3 + 4] = (byte) (t >>> 8);
                        b[l3 + 5] = (byte) t;
                    }
                    long ts = f.index().timestampNanos(p) + t * span;
                    rec.clear();
                    rec.putInt((int) (ts / 1_000_000_000L)).putInt((int) (ts % 1_000_000_000L)).putInt(b.length)
                            .putInt(f.index().originalLength(p));
                    os.write(rec.array());
                    os.write(b);
                }
            }
        }
    }
}
