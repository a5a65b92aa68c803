package org.tunnellens.capture;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One capture file, mapped whole into memory with one {@link MemorySegment} (any size), and the index of its
 * packets. Packet bytes are read in place from the mapping; closing the file releases it.
 */
public final class CaptureFile implements AutoCloseable {
    private final Path path;
    private final Arena arena;
    private final MemorySegment data;
    private final CaptureFormat format;
    private final List<CaptureInterface> interfaces;
    private final PacketIndex index;
    private final RecordReader reader;
    /** Kept open to notice a file shrinking under its mapping (null for in-memory captures). */
    private FileChannel channel;

    private CaptureFile(Path path, Arena arena, MemorySegment data, CaptureFormat format,
                        List<CaptureInterface> interfaces, RecordReader reader) {
        this.path = path;
        this.arena = arena;
        this.data = data;
        this.format = format;
        this.interfaces = interfaces;
        this.reader = reader;
        this.index = new PacketIndex((int) Math.min(1 << 20, data.byteSize() / 100));
    }

    /** Opens and indexes the whole file. */
    public static CaptureFile open(Path path) throws CaptureException {
        CaptureFile f = openLazily(path);
        f.indexAll(null, null);
        return f;
    }

    /**
     * Maps the file and checks its header without indexing packets yet, so that a caller on a worker thread can
     * index in batches ({@link #indexMore}) and show the first packets before the whole file is read.
     */
    public static CaptureFile openLazily(Path path) throws CaptureException {
        if (Files.isDirectory(path)) {
            throw new CaptureException(path, -1, "is a directory, not a capture file");
        }
        Arena arena = Arena.ofShared();
        MemorySegment data;
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            long size = ch.size();
            data = size == 0 ? MemorySegment.NULL.reinterpret(0) : ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
        } catch (NoSuchFileException e) {
            arena.close();
            throw new CaptureException(path, -1, "no such file");
        } catch (AccessDeniedException e) {
            arena.close();
            throw new CaptureException(path, -1, "permission denied");
        } catch (IOException | RuntimeException e) {
            arena.close();
            closeQuietly(ch);
            throw new CaptureException(path, "cannot be read: " + e.getMessage(), e);
        }
        try {
            CaptureFile f = detect(path, arena, data);
            f.channel = ch;
            return f;
        } catch (CaptureException | RuntimeException e) {
            arena.close();
            closeQuietly(ch);
            throw e;
        }
    }

    /**
     * Reads a capture held in memory, under the name {@code label} (used in messages only). The bytes are copied,
     * so the caller may reuse its array; closing the returned file frees the copy.
     */
    public static CaptureFile openBytes(Path label, byte[] bytes) throws CaptureException {
        Arena arena = Arena.ofShared();
        MemorySegment data = bytes.length == 0 ? MemorySegment.NULL.reinterpret(0)
                : arena.allocate(bytes.length).copyFrom(MemorySegment.ofArray(bytes));
        try {
            CaptureFile f = detect(label, arena, data);
            f.indexAll(null, null);
            return f;
        } catch (CaptureException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static CaptureFile detect(Path path, Arena arena, MemorySegment data) throws CaptureException {
        if (data.byteSize() < 4) {
            throw new CaptureException(path, 0, data.byteSize() == 0 ? "file is empty (0 bytes), not a capture"
                    : "file is too short to be a capture (" + data.byteSize() + " bytes)");
        }
        int le = data.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
        List<CaptureInterface> ifaces = new ArrayList<>();
        for (int magic : new int[] {PcapReader.MAGIC_USEC, PcapReader.MAGIC_NSEC, PcapReader.MAGIC_MODIFIED}) {
            if (le == magic) {
                PcapReader r = new PcapReader(path, data, ifaces, magic, ByteOrder.LITTLE_ENDIAN);
                return new CaptureFile(path, arena, data, r.format, ifaces, r);
            }
            if (Integer.reverseBytes(le) == magic) {
                PcapReader r = new PcapReader(path, data, ifaces, magic, ByteOrder.BIG_ENDIAN);
                return new CaptureFile(path, arena, data, r.format, ifaces, r);
            }
        }
        if (le == PcapngReader.SHB) {
            return new CaptureFile(path, arena, data, CaptureFormat.PCAPNG, ifaces, new PcapngReader(path, data, ifaces));
        }
        throw new CaptureException(path, 0, String.format("not a pcap or pcapng file (magic number 0x%08x)",
                Integer.reverseBytes(le)));
    }

    /**
     * Indexes up to {@code max} more packets. Returns true while there is more to read. Safe to call from one
     * worker thread while other threads read packets below {@link #packetCount()}.
     */
    public boolean indexMore(int max) {
        if (reader.done) {
            return false;
        }
        long now = currentSize();
        boolean shrank = now < reader.end;
        if (shrank) {
            reader.end = Math.max(now, reader.pos); // never read the lost pages: that would raise SIGBUS
        }
        try {
            reader.readBatch(index, max);
        } catch (InternalError e) {
            // the file shrank between the size check and the read: the JVM turns SIGBUS into this error
            reader.fail(reader.pos, "file is no longer readable here (" + shrinkReason() + ")");
        }
        if (shrank && reader.done) {
            long at = reader.problem != null ? reader.problem.offset() : reader.pos;
            reader.problem = new ReadProblem(path, at, shrinkReason() + (reader.problem != null
                    ? "; " + reader.problem.reason() : ""));
        }
        if (reader.done) {
            index.trim();
        }
        return !reader.done;
    }

    /** Indexes the rest of the file; {@code progress} gets the packet count after each batch. */
    public void indexAll(IntConsumer progress, java.util.function.BooleanSupplier cancelled) {
        while (indexMore(65_536)) {
            if (progress != null) {
                progress.accept(index.size());
            }
            if (cancelled != null && cancelled.getAsBoolean()) {
                return;
            }
        }
        if (progress != null) {
            progress.accept(index.size());
        }
    }

    /**
     * The file's size now (one fstat system call), which a truncation by another program may have made smaller
     * than the mapping. Reading a mapped page that a truncation removed raises SIGBUS, which compiled code reports
     * as an InternalError at some later safepoint, where no one can catch it usefully: so readers compare this
     * size with what they are about to read rather than catching the error after.
     */
    public long sizeNow() {
        return currentSize();
    }

    private long currentSize() {
        if (channel == null) {
            return data.byteSize();
        }
        try {
            return channel.size();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing more can be done about a channel that will not close
            }
        }
    }

    /** Why a mapped read faulted: almost always the file was truncated by another program after it was opened. */
    String shrinkReason() {
        try {
            long now = Files.size(path);
            return now < data.byteSize() ? "file shrank from " + data.byteSize() + " to " + now + " bytes while open"
                    : "read fault in the mapped file";
        } catch (IOException | RuntimeException e) {
            return "file disappeared while open";
        }
    }

    public boolean fullyIndexed() {
        return reader.done;
    }

    /** How far reading got, in bytes, for progress bars. */
    public long bytesRead() {
        return reader.pos;
    }

    public Path path() {
        return path;
    }

    public MemorySegment data() {
        return data;
    }

    public long size() {
        return data.byteSize();
    }

    public CaptureFormat format() {
        return format;
    }

    public List<CaptureInterface> interfaces() {
        return Collections.unmodifiableList(interfaces);
    }

    public PacketIndex index() {
        return index;
    }

    public int packetCount() {
        return index.size();
    }

    /** Why reading stopped early, or null when the whole file was read. */
    public ReadProblem problem() {
        return reader.problem;
    }

    public int linkType(int packet) {
        return interfaces.get(index.interfaceId(packet)).linkType();
    }

    /** The interface name of a packet's interface, or null when the file records none. */
    public String interfaceName(int packet) {
        return interfaces.get(index.interfaceId(packet)).name();
    }

    @Override
    public void close() {
        arena.close();
        closeQuietly(channel);
    }
}
