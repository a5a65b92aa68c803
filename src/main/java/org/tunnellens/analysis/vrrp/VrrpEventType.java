package org.tunnellens.analysis.vrrp;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a virtual router, with the names the JSON output uses. */
public enum VrrpEventType {
    TAKEOVER("takeover"),
    RESIGN("resign"),
    PREEMPT("preempt"),
    SPLIT_BRAIN("split-brain"),
    SILENT("silent"),
    GARP("garp"),
    CONFIG_MISMATCH("config-mismatch");

    private final String label;

    VrrpEventType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
