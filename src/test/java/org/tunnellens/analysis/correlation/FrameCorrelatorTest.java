package org.tunnellens.analysis.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunnellens.capture.CaptureFile;

/**
 * Unit tests of the pairing algorithm on captures derived from the public {@code vxlan-4789.pcap}: the inner
 * capture is written from the frames inside its VXLAN packets (outer Ethernet 14 + IPv4 20 + UDP 8 + VXLAN 8 = 50
 * bytes in this file, as tshark shows), with frames dropped, a time shift and a bridge-local frame added.
 */
class FrameCorrelatorTest {
    private static final Path OUTER = Path.of("samples/corpus/vxlan-4789.pcap");
    private static final int OUTER_HEADERS = 50;
    /** A frame between two MACs that never appear inside the tunnel: host bridge to its own VM. */
    private static final byte[] LOCAL_FRAME = hex("020000000002" + "020000000001" + "0800"
            + "4500001c00010000400100000a0000010a000002" + "0800f7ff00000000");

    @TempDir
    Path tmp;

    /** Inner capture: packets 3 and 7 missing, the rest {@code shift} after their outer sighting. */
    private Path innerWithoutFramesThreeAndSeven(long shift, Map<Integer, Integer> innerOfOuter) throws Exception {
        PcapFixture inner = new PcapFixture();
        try (CaptureFile f = CaptureFile.open(OUTER)) {
            for (int i = 0; i < f.packetCount(); i++) {
                if (i == 2 || i == 6) {
                    continue;
                }
                long t = f.index().timestampNanos(i);
                if (i == 5) {
                    inner.add(t + shift - 1000, LOCAL_FRAME);
                }
                inner.add(t + shift, PcapFixture.bytes(f, i, OUTER_HEADERS));
                innerOfOuter.put(i + 1, inner.size());
            }
        }
        return inner.write(tmp.resolve("inner.pcap"));
    }

    @Test
    void pairsEveryFrameByItsBytesAndGivesEachUnpairedOneItsReason() throws Exception {
        Map<Integer, Integer> expected = new HashMap<>();
        Path innerFile = innerWithoutFramesThreeAndSeven(25_000, expected);
        try (CaptureFile outer = CaptureFile.open(OUTER); CaptureFile inner = CaptureFile.open(innerFile)) {
            CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(outer, inner);

            assertThat(r.summary().mode()).isEqualTo(CorrelationMode.OUTER_INNER);
            assertThat(r.pairs().size()).isEqualTo(8);
            Map<Integer, Integer> actual = new HashMap<>();
            for (int i = 0; i < r.pairs().size(); i++) {
                actual.put(r.pairs().outerFrame(i), r.pairs().innerFrame(i));
                assertThat(r.pairs().vni(i)).isEqualTo(100);
                assertThat(r.pairs().deltaNanos(i)).isEqualTo(25_000);
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(r.unpairedOuter().size()).isEqualTo(2);
            assertThat(r.unpairedOuter().reasonOf(3)).isEqualTo(UnpairedReason.LOST);
            assertThat(r.unpairedOuter().reasonOf(7)).isEqualTo(UnpairedReason.LOST);
            assertThat(r.unpairedInner().size()).isEqualTo(1);
            assertThat(r.unpairedInner().reasonOf(5)).isEqualTo(UnpairedReason.LOCAL);
            assertThat(r.summary().clockOffset().method()).isEqualTo("same-clock");
            assertThat(r.summary().delay().medianNanos()).isEqualTo(25_000);
        }
    }

    @Test
    void estimatesTheClockOffsetOfACaptureFromAnotherHostAndStillPairsTheSameFrames() throws Exception {
        Map<Integer, Integer> expected = new HashMap<>();
        long offset = 2_500_000_000L;
        Path innerFile = innerWithoutFramesThreeAndSeven(offset + 40_000, expected);
        try (CaptureFile outer = CaptureFile.open(OUTER); CaptureFile inner = CaptureFile.open(innerFile)) {
            CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(outer, inner);

            assertThat(r.summary().clockOffset().nanos()).isCloseTo(-offset, within(100_000L));
            Map<Integer, Integer> actual = new HashMap<>();
            for (int i = 0; i < r.pairs().size(); i++) {
                actual.put(r.pairs().outerFrame(i), r.pairs().innerFrame(i));
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(r.unpairedInner().reasonOf(5)).isEqualTo(UnpairedReason.LOCAL);
        }
    }

    @Test
    void equalFramesPairInTimeOrder() throws Exception {
        // the ARP request (packet 2) sent three times, one second apart, seen in both captures
        PcapFixture outer = new PcapFixture();
        PcapFixture inner = new PcapFixture();
        try (CaptureFile f = CaptureFile.open(OUTER)) {
            long t0 = f.index().timestampNanos(1);
            for (int k = 0; k < 3; k++) {
                outer.add(t0 + k * 1_000_000_000L, PcapFixture.bytes(f, 1, 0));
                inner.add(t0 + k * 1_000_000_000L + 30_000 + k * 1000, PcapFixture.bytes(f, 1, OUTER_HEADERS));
            }
        }
        try (CaptureFile o = CaptureFile.open(outer.write(tmp.resolve("o.pcap")));
             CaptureFile i = CaptureFile.open(inner.write(tmp.resolve("i.pcap")))) {
            CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(o, i);
            assertThat(r.pairs().size()).isEqualTo(3);
            for (int k = 0; k < 3; k++) {
                assertThat(r.pairs().outerFrame(k)).isEqualTo(k + 1);
                assertThat(r.pairs().innerFrame(k)).isEqualTo(k + 1);
                assertThat(r.pairs().deltaNanos(k)).isEqualTo(30_000 + k * 1000);
            }
        }
    }

    @Test
    void bigTcpFramesWithoutAnIpLengthAreComparedOverAllTheirBytes() throws Exception {
        // IPv4 total length 0 (BIG TCP): the key must then run to the end of the capture, not stop at the header
        Path big = Path.of("src/test/resources/corpus/public/tcpdump/bigtcp-ipv4-vxlan-ipv4.pcap");
        PcapFixture inner = new PcapFixture();
        try (CaptureFile f = CaptureFile.open(big)) {
            byte[] frame = PcapFixture.bytes(f, 0, OUTER_HEADERS);
            byte[] changed = frame.clone();
            changed[changed.length - 1] ^= 1;
            long t = f.index().timestampNanos(0);
            inner.add(t + 10_000, changed).add(t + 20_000, frame);
        }
        try (CaptureFile o = CaptureFile.open(big);
             CaptureFile i = CaptureFile.open(inner.write(tmp.resolve("inner.pcap")))) {
            CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(o, i);
            assertThat(r.pairs().size()).isEqualTo(1);
            assertThat(r.pairs().innerFrame(0)).isEqualTo(2);
            assertThat(r.unpairedInner().reasonOf(1)).as("the changed copy stays unpaired").isNotNull();
        }
    }

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
