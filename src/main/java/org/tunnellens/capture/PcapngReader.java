package org.tunnellens.capture;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * pcapng: any number of sections, each in its own byte order, each with its own interfaces.
 * Interfaces get file-wide numbers in the order their IDBs appear, as Wireshark numbers them.
 */
final class PcapngReader extends RecordReader {
    static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int PB = 2;
    private static final int SPB = 3;
    private static final int EPB = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** Blocks other than packets may carry large options (e.g. DSB key logs), but not gigabytes. */
    private static final long MAX_BLOCK = 16L * 1024 * 1024;

    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private int sectionFirstInterface;

    PcapngReader(Path file, MemorySegment data, List<CaptureInterface> interfaces) throws CaptureException {
        super(file, data, interfaces);
        if (end < 28) {
            throw new CaptureException(file, 0, "pcapng section header block is cut short (" + end + " bytes)");
        }
        pos = 0;
    }

    @Override
    int readBatch(PacketIndex index, int max) {
        int added = 0;
        while (added < max) {
            if (pos == end) {
                done = true;
                break;
            }
            if (end - pos < 12) {
                fail(pos, "last block is cut short (" + (end - pos) + " bytes; capture stopped while writing?)");
                break;
            }
            int type = data.get(int32(order), pos);
            if (type == SHB && !readSectionHeader()) {
                break;
            }
            long length = u32(data, pos + 4, order);
            if (length < 12 || (length & 3) != 0) {
                fail(pos, "block length " + length + " is not a multiple of 4 of at least 12 (corrupt block)");
                break;
            }
            if (pos + length > end) {
                fail(pos, "last block is cut short (" + (end - pos) + " of " + length
                        + " bytes; capture stopped while writing?)");
                break;
            }
            if (u32(data, pos + length - 4, order) != length) {
                fail(pos, "block length " + length + " does not match its trailing copy "
                        + u32(data, pos + length - 4, order) + " (corrupt block)");
                break;
            }
            boolean ok = switch (type) {
                case SHB -> true;
                case IDB -> readInterface(length);
                case EPB -> readEnhanced(index, length);
                case SPB -> readSimple(index, length);
                case PB -> readObsolete(index, length);
                default -> length <= MAX_BLOCK || failed("block of type 0x" + Integer.toHexString(type)
                        + " claims " + length + " bytes (corrupt block)");
            };
            if (!ok) {
                break;
            }
            if (type == EPB || type == SPB || type == PB) {
                added++;
            }
            pos += length;
        }
        return added;
    }

    private boolean failed(String reason) {
        fail(pos, reason);
        return false;
    }

    private boolean readSectionHeader() {
        if (end - pos < 28) {
            return failed("section header block is cut short");
        }
        int magic = data.get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN),
                pos + 8);
        if (magic == BYTE_ORDER_MAGIC) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            return failed("section header has no byte-order magic (0x1A2B3C4D)");
        }
        int major = u16(data, pos + 12, order);
        if (major != 1) {
            return failed("unsupported pcapng version " + major);
        }
        sectionFirstInterface = interfaces.size();
        return true;
    }

    private boolean readInterface(long length) {
        if (length < 20) {
            return failed("interface description block is cut short (" + length + " bytes)");
        }
        int linkType = u16(data, pos + 8, order);
        long snaplen = u32(data, pos + 12, order);
        String name = null;
        String description = null;
        long divisor = 1_000_000L;
        long tsOffset = 0;
        long opt = pos + 16;
        long optEnd = pos + length - 4;
        while (opt + 4 <= optEnd) {
            int code = u16(data, opt, order);
            int len = u16(data, opt + 2, order);
            if (code == 0 || opt + 4 + len > optEnd) {
                break; // opt_endofopt, or an option that overruns the block: ignore the rest as Wireshark does
            }
            long v = opt + 4;
            switch (code) {
                case 2 -> name = utf8(v, len);
                case 3 -> description = utf8(v, len);
                case 9 -> {
                    if (len >= 1) {
                        int r = Byte.toUnsignedInt(data.get(java.lang.foreign.ValueLayout.JAVA_BYTE, v));
                        int exp = r & 0x7f;
                        if ((r & 0x80) == 0 && exp <= 18) {
                            divisor = pow10(exp);
                        } else if ((r & 0x80) != 0 && exp <= 62) {
                            divisor = 1L << exp;
                        } else {
                            return failed("if_tsresol 0x" + Integer.toHexString(r) + " is out of range");
                        }
                    }
                }
                case 14 -> {
                    if (len >= 8) {
                        tsOffset = data.get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED.withOrder(order), v);
                    }
                }
                default -> {
                }
            }
            opt += 4 + ((len + 3) & ~3);
        }
        if (interfaces.size() >= Short.MAX_VALUE) {
            return failed("more than 32767 interfaces");
        }
        interfaces.add(new CaptureInterface(linkType, snaplen, name, description, divisor, tsOffset));
        return true;
    }

    private String utf8(long off, int len) {
        int n = len;
        while (n > 0 && data.get(java.lang.foreign.ValueLayout.JAVA_BYTE, off + n - 1) == 0) {
            n--; // options are often NUL-terminated
        }
        byte[] b = data.asSlice(off, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        return new String(b, StandardCharsets.UTF_8);
    }

    private boolean readEnhanced(PacketIndex index, long length) {
        if (length < 32) {
            return failed("enhanced packet block is cut short (" + length + " bytes)");
        }
        long iface = u32(data, pos + 8, order);
        long high = u32(data, pos + 12, order);
        long low = u32(data, pos + 16, order);
        long capLen = u32(data, pos + 20, order);
        long origLen = u32(data, pos + 24, order);
        return addPacket(index, iface, (high << 32) | low, pos + 28, capLen, origLen, length - 32);
    }

    private boolean readObsolete(PacketIndex index, long length) {
        if (length < 32) {
            return failed("packet block is cut short (" + length + " bytes)");
        }
        long iface = u16(data, pos + 8, order);
        long high = u32(data, pos + 12, order);
        long low = u32(data, pos + 16, order);
        long capLen = u32(data, pos + 20, order);
        long origLen = u32(data, pos + 24, order);
        return addPacket(index, iface, (high << 32) | low, pos + 28, capLen, origLen, length - 32);
    }

    private boolean readSimple(PacketIndex index, long length) {
        if (length < 16) {
            return failed("simple packet block is cut short (" + length + " bytes)");
        }
        if (interfaces.size() <= sectionFirstInterface) {
            return failed("simple packet block before any interface description block");
        }
        long origLen = u32(data, pos + 8, order);
        long snaplen = interfaces.get(sectionFirstInterface).snaplen();
        long capLen = Math.min(origLen, length - 16);
        if (snaplen > 0) {
            capLen = Math.min(capLen, snaplen);
        }
        // an SPB has no timestamp; Wireshark shows these packets at time 0
        return addPacket(index, 0, Long.MIN_VALUE, pos + 12, capLen, origLen, length - 16);
    }

    private boolean addPacket(PacketIndex index, long localIface, long ticks, long dataOff, long capLen,
                              long origLen, long room) {
        long global = sectionFirstInterface + localIface;
        if (localIface >= interfaces.size() || global >= interfaces.size()) {
            return failed("packet refers to interface " + localIface + " which no interface description block defined");
        }
        if (capLen > MAX_RECORD) {
            return failed("packet length " + capLen + " is over the 262144-byte limit (corrupt block)");
        }
        if (capLen > room) {
            return failed("packet length " + capLen + " overruns its block of " + (room + 32) + " bytes (corrupt block)");
        }
        CaptureInterface ci = interfaces.get((int) global);
        long ts = ticks == Long.MIN_VALUE ? 0 : toNanos(ticks, ci.tsDivisor()) + ci.tsOffsetSeconds() * 1_000_000_000L;
        int orig = (int) Math.min(Integer.MAX_VALUE, Math.max(origLen, capLen));
        index.add(dataOff, (int) capLen, orig, ts, (int) global);
        return true;
    }

    static long toNanos(long ticks, long divisor) {
        if (divisor == 1_000_000_000L) {
            return ticks;
        }
        long sec = Long.divideUnsigned(ticks, divisor);
        long rem = Long.remainderUnsigned(ticks, divisor);
        // rem < divisor, so rem * 1e9 / divisor fits unless divisor is huge; use Math.multiplyHigh-free path
        long fracNanos = divisor <= 9_223_372_036L ? rem * 1_000_000_000L / divisor
                : (long) ((double) rem / divisor * 1e9);
        return sec * 1_000_000_000L + fracNanos;
    }

    private static long pow10(int exp) {
        long v = 1;
        for (int i = 0; i < exp; i++) {
            v *= 10;
        }
        return v;
    }
}
