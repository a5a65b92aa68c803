package org.tunnellens.filter;

/** A display filter that does not compile; {@link #column()} is where the problem starts (1-based), as Wireshark shows it. */
public final class FilterException extends Exception {
    private final int column;

    public FilterException(String message, int column) {
        super(message + " at column " + column);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
