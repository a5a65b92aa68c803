package org.tunnellens.ui.ha;

import org.tunnellens.analysis.vrrp.VrrpEvent;
import org.tunnellens.analysis.vrrp.VrrpEventType;

/** One event drawn on a timeline lane: a tick with a one-letter symbol above it. */
public record EventMark(VrrpEvent event) {
    public long nanos() {
        return event.nanos();
    }

    public String symbol() {
        return symbol(event.type());
    }

    public static String symbol(VrrpEventType type) {
        return switch (type) {
            case TAKEOVER -> "T";
            case RESIGN -> "R";
            case PREEMPT -> "P";
            case SPLIT_BRAIN -> "S";
            case SILENT -> "!";
            case GARP -> "G";
            case CONFIG_MISMATCH -> "C";
        };
    }

    /** GARPs come in bursts after every takeover; drawn smaller so the state changes stand out. */
    public boolean minor() {
        return event.type() == VrrpEventType.GARP;
    }
}
