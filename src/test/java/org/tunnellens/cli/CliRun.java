package org.tunnellens.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the {@code tunnellens} command line in this JVM and captures what it prints on standard output. */
public final class CliRun {
    private CliRun() {
    }

    /** Returns the exit code and standard output, as {@code {code, output}}. */
    public static String[] codeAndOutput(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = TunnelLensCommand.run(args);
        } finally {
            System.setOut(old);
        }
        return new String[] {String.valueOf(rc), buf.toString(StandardCharsets.UTF_8)};
    }
}
