package org.tunnellens.ui;

/**
 * The classic 16-bytes-a-line hex and ASCII view of a packet, as offsets so the view can map a byte to its place
 * on screen and back.
 */
public final class HexDump {
    public static final int BYTES_PER_LINE = 16;

    private HexDump() {
    }

    public static String offset(int line) {
        return String.format("%04x", line * BYTES_PER_LINE);
    }

    public static String hex(byte b) {
        return String.format("%02x", b & 0xff);
    }

    /** The ASCII column's character: printable ASCII as itself, anything else as a dot. */
    public static char ascii(byte b) {
        int c = b & 0xff;
        return c >= 0x20 && c < 0x7f ? (char) c : '.';
    }

    /** The whole dump as text, one line per 16 bytes (for "Copy bytes as hex dump"). */
    public static String text(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int line = 0; line * BYTES_PER_LINE < bytes.length; line++) {
            sb.append(offset(line)).append("  ");
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < BYTES_PER_LINE; i++) {
                int at = line * BYTES_PER_LINE + i;
                if (at < bytes.length) {
                    sb.append(hex(bytes[at])).append(' ');
                    ascii.append(ascii(bytes[at]));
                } else {
                    sb.append("   ");
                }
                if (i == 7) {
                    sb.append(' ');
                }
            }
            sb.append(' ').append(ascii).append('\n');
        }
        return sb.toString();
    }
}
