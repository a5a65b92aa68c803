package org.tunnellens.dissect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.column.FieldSelector;
import org.tunnellens.dissect.column.InfoColumn;
import org.tunnellens.dissect.column.PacketSummary;

/**
 * One Ethernet frame given as bytes, dissected as a capture holding only it (gopacket's "bytes in, fields out"
 * tests). Keeps the capture open for the values' lifetime; close it after the assertions.
 */
public final class OneFrame implements AutoCloseable {
    private final CaptureFile file;
    private final Dissection d;

    private OneFrame(byte[] frame, int snaplen) throws Exception {
        byte[] cut = frame.length > snaplen ? java.util.Arrays.copyOf(frame, snaplen) : frame;
        this.file = CaptureFile.openBytes(Path.of("frame.pcap"), CraftedPcap.of(1_700_000_000L, frame.length, cut));
        this.d = new PacketDissector(file).dissect(0);
    }

    /** The frame as hex ("0200..."), spaces and newlines allowed. */
    public static OneFrame hex(String hex) throws Exception {
        return bytes(HexFormat.of().parseHex(hex.replaceAll("\\s", "")));
    }

    public static OneFrame bytes(byte[] frame) throws Exception {
        return new OneFrame(frame, Integer.MAX_VALUE);
    }

    /** The frame as a capture with this snaplen would hold it: cut, with its original length kept. */
    public static OneFrame cut(byte[] frame, int snaplen) throws Exception {
        return new OneFrame(frame, snaplen);
    }

    public Dissection dissection() {
        return d;
    }

    /** Every value of a field, comma-separated, as {@code tshark -T fields -E occurrence=a} prints it. */
    public String field(String name) {
        FieldSelector s = FieldSelector.resolve(name);
        if (s == null) {
            throw new IllegalArgumentException("no field " + name);
        }
        return String.join(",", s.values(d));
    }

    public String info() {
        return InfoColumn.info(d);
    }

    public String protocolColumn() {
        return PacketSummary.protocol(d);
    }

    public String protocols() {
        return field("frame.protocols");
    }

    /** Writes the frame as a pcap file, for tshark to say what it makes of the same bytes. */
    public static Path writePcap(Path dir, byte[] frame) throws Exception {
        Path p = Files.createTempFile(dir, "frame", ".pcap");
        Files.write(p, CraftedPcap.of(1_700_000_000L, frame));
        return p;
    }

    @Override
    public void close() {
        file.close();
    }
}
