package org.tunnellens.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The Time column's three views, as Wireshark's View > Time Display Format offers them. */
public enum TimeFormat {
    RELATIVE("Seconds since first packet"),
    ABSOLUTE("Time of day"),
    DELTA("Seconds since previous packet");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final String label;

    TimeFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * @param zone the zone for time of day; the screenshots and tests pass UTC so their output does not depend
     *             on the machine
     */
    public String format(long nanos, long firstNanos, long previousNanos, ZoneId zone) {
        return switch (this) {
            case RELATIVE -> seconds(nanos - firstNanos);
            case DELTA -> seconds(nanos - previousNanos);
            case ABSOLUTE -> CLOCK.format(Instant.ofEpochSecond(0, nanos).atZone(zone));
        };
    }

    static String seconds(long nanos) {
        long micros = Math.round(nanos / 1000.0);
        String sign = micros < 0 ? "-" : "";
        micros = Math.abs(micros);
        String frac = Long.toString(micros % 1_000_000);
        return sign + micros / 1_000_000 + "." + "0".repeat(6 - frac.length()) + frac;
    }
}
