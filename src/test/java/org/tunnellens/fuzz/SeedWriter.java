package org.tunnellens.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.capture.CaptureFormat;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.Frame;
import org.tunnellens.dissect.PacketDissector;

/**
 * Writes the fuzz seeds from the corpus and the lab samples (run by hand, the output is committed):
 * {@code java -cp target/test-classes:target/classes:DEPS org.tunnellens.fuzz.SeedWriter}.
 * A file seed is a capture cut after its last whole record below {@link #FILE_SEED_BYTES}, so the fuzzer starts
 * from small valid files; a frame seed is one packet of each protocol stack seen, prefixed by its link-type byte.
 * Two file seeds are made by hand, not by this class: frames 31-34 of samples/openstack-4789/compute1-ens3.pcap
 * (two fragmented VXLAN datagrams) in capture order and reversed, so that the fuzzer reaches IPv4 reassembly and
 * the correlation of reassembled frames, which no 4 KiB prefix of a capture does.
 */
public final class SeedWriter {
    static final int FILE_SEED_BYTES = 4096;
    static final Path OUT = Path.of("src/test/resources/org/tunnellens/fuzz");

    private SeedWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path files = OUT.resolve("CaptureFileFuzzTestInputs/readDissectAnalyse");
        Path frames = OUT.resolve("FrameFuzzTestInputs/dissectOneFrame");
        Files.createDirectories(files);
        Files.createDirectories(frames);
        Set<String> stacks = new HashSet<>();
        List<Path> captures;
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of("src/test/resources/corpus/public")),
                Files.walk(Path.of("samples")))) {
            captures = s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
        }
        int nFiles = 0;
        int nFrames = 0;
        for (Path p : captures) {
            byte[] bytes = Files.readAllBytes(p);
            String name = p.toString().replaceAll("[^A-Za-z0-9.]+", "_");
            try (CaptureFile f = CaptureFile.open(p)) {
                Files.write(files.resolve(name), Arrays.copyOf(bytes, (int) cut(f, bytes)));
                nFiles++;
                int link = linkIndex(f.interfaces().isEmpty() ? -1 : f.interfaces().get(0).linkType());
                PacketDissector dissector = new PacketDissector(f);
                for (int i = 0; i < f.packetCount() && link >= 0; i++) {
                    if (f.linkType(i) != FrameFuzzTest.LINK_TYPES[link]) {
                        continue;
                    }
                    Dissection d = dissector.dissect(i);
                    int occ = d.first(Frame.PROTOCOLS);
                    String stack = occ < 0 ? "" : FieldFormatter.value(d, occ);
                    if (stacks.add(f.linkType(i) + ":" + stack)) {
                        byte[] frame = new byte[1 + f.index().capturedLength(i)];
                        frame[0] = (byte) link;
                        f.data().asSlice(f.index().offset(i), frame.length - 1)
                                .asByteBuffer().get(frame, 1, frame.length - 1);
                        Files.write(frames.resolve(name + "-" + (i + 1)), frame);
                        nFrames++;
                    }
                }
            } catch (org.tunnellens.capture.CaptureException e) {
                Files.write(files.resolve(name), Arrays.copyOf(bytes, Math.min(bytes.length, FILE_SEED_BYTES)));
                nFiles++;
            }
        }
        System.out.println(nFiles + " file seeds, " + nFrames + " frame seeds");
    }

    /** The end of the last whole record or block that ends below FILE_SEED_BYTES (at least the first packet's). */
    private static long cut(CaptureFile f, byte[] bytes) {
        if (f.packetCount() == 0) {
            return Math.min(bytes.length, FILE_SEED_BYTES);
        }
        if (f.format() != CaptureFormat.PCAPNG) {
            long end = f.index().offset(0) + f.index().capturedLength(0);
            for (int i = 1; i < f.packetCount(); i++) {
                long e = f.index().offset(i) + f.index().capturedLength(i);
                if (e > FILE_SEED_BYTES) {
                    break;
                }
                end = e;
            }
            return end;
        }
        // pcapng: walk the blocks (length at +4 in the section's byte order, always a multiple of 4)
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        long pos = 0;
        long firstPacketEnd = f.index().offset(0) + f.index().capturedLength(0);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (pos + 12 <= bytes.length) {
            if (b.order(ByteOrder.LITTLE_ENDIAN).getInt((int) pos) == 0x0A0D0D0A) {
                order = b.order(ByteOrder.LITTLE_ENDIAN).getInt((int) pos + 8) == 0x1A2B3C4D
                        ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            }
            long len = Integer.toUnsignedLong(b.order(order).getInt((int) pos + 4));
            if (len < 12 || pos + len > bytes.length || (pos + len > FILE_SEED_BYTES && pos >= firstPacketEnd)) {
                break;
            }
            pos += len;
        }
        return Math.max(pos, Math.min(bytes.length, 32));
    }

    private static int linkIndex(int linkType) {
        for (int i = 0; i < FrameFuzzTest.LINK_TYPES.length; i++) {
            if (FrameFuzzTest.LINK_TYPES[i] == linkType) {
                return i;
            }
        }
        return -1;
    }
}
