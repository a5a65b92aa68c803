package org.tunnellens.ui.ha;

/** The three hosts of an LVS-NAT ladder, left to right. */
public enum LadderColumn {
    CLIENT("Client"),
    DIRECTOR("Director (IPVS)"),
    REAL_SERVER("Real server");

    private final String title;

    LadderColumn(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
