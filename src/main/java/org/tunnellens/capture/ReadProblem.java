package org.tunnellens.capture;

import java.nio.file.Path;

/**
 * Why reading stopped before the end of a file. The packets before {@code offset} stay available.
 *
 * @param offset byte offset in the file of the record or block that could not be read
 */
public record ReadProblem(Path file, long offset, String reason) {

    public String message() {
        return file + ": " + reason + " at byte offset " + offset;
    }

    @Override
    public String toString() {
        return message();
    }
}
