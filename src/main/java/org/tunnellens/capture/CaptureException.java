package org.tunnellens.capture;

import java.nio.file.Path;

/** A file that cannot be opened as a capture at all; the message names the file and, where known, the offset. */
public final class CaptureException extends Exception {
    private final transient Path file;
    private final long offset;

    public CaptureException(Path file, long offset, String reason) {
        super(file + ": " + reason + (offset >= 0 ? " at byte offset " + offset : ""));
        this.file = file;
        this.offset = offset;
    }

    public CaptureException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.offset = -1;
    }

    public Path file() {
        return file;
    }

    /** Byte offset of the fault, or -1 when the file could not be read at all. */
    public long offset() {
        return offset;
    }
}
