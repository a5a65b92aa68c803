package org.tunnellens.cli;

import java.io.IOException;
import java.io.Writer;

/** Writes a StringBuilder's text and a newline through one reused char array, not a String per line. */
final class LineWriter {
    private final Writer out;
    private char[] buf = new char[512];

    LineWriter(Writer out) {
        this.out = out;
    }

    void writeLine(StringBuilder sb) throws IOException {
        int n = sb.length();
        if (n + 1 > buf.length) {
            buf = new char[Math.max(n + 1, buf.length * 2)];
        }
        sb.getChars(0, n, buf, 0);
        buf[n] = '\n';
        out.write(buf, 0, n + 1);
    }
}
