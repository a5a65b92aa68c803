package org.tunnellens.dissect;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one protocol contributes, kept in its own class as Wireshark keeps it in {@code packet-foo.c}: its
 * fields, where it hangs in the dissector tables, its Protocol-column name, its Info text, the tree's summary line
 * for its layer, its tcpdump line and what it learns in the first pass. Decoding itself is the
 * {@link LayerDecoder} the protocol registers (most protocols are their own decoder).
 *
 * <p>Every hook is called for a layer this protocol's field opened; {@code occ} is that layer's occurrence.
 */
public abstract class Protocol {
    private final Fields fields;

    protected Protocol(Fields fields) {
        this.fields = fields;
    }

    /** The field that opens this protocol's layers ({@code vxlan}). */
    public abstract FieldDef field();

    public final List<FieldDef> fields() {
        return fields.all();
    }

    final Map<String, FieldDef[]> aliases() {
        return fields.aliases();
    }

    /** Where the protocol hangs: ethertypes, IP protocol numbers, ports, heuristics, link types. */
    public void register(Handoffs h) {
    }

    /** The Protocol column for a layer of this protocol (Wireshark's short name: "IPv4", "VXLAN"). */
    public String columnName(Dissection d, int occ) {
        return d.field(occ).abbrev().toUpperCase(Locale.ROOT);
    }

    /**
     * Appends this layer's Info text and returns true, or returns false to leave the Info column to the layer
     * around it (an Ethernet header inside a tunnel says nothing; the ICMP inside it does). Called for the
     * innermost layer first, and only for rows that are shown.
     */
    public boolean appendInfo(Dissection d, int occ, PassResults pass, StringBuilder sb) {
        return false;
    }

    /** The tree's line for this layer ("Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.2"). */
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        sb.append(d.field(occ).label());
    }

    /** Prints this layer in tcpdump's style and returns true, or returns false to be printed by name only. */
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        return false;
    }

    /** Looks at this protocol's innermost layer of a packet in the first pass (not quoted by an ICMP error). */
    public void firstPass(Dissection d, int occ, PassContext pass) {
    }

    /** Whether this protocol's first-pass hook does anything; the pass skips the others. */
    public boolean hasFirstPass() {
        return false;
    }

    @Override
    public String toString() {
        return field().abbrev();
    }
}
