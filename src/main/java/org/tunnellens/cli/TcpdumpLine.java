package org.tunnellens.cli;

import java.io.IOException;
import java.io.Writer;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.filter.DisplayFilter;

/** Placeholder: tcpdump's one-line style. */
final class TcpdumpLine {
    private TcpdumpLine() {
    }

    static void write(Writer out, PacketDissector dissector, DisplayFilter filter, int n) throws IOException {
    }
}
