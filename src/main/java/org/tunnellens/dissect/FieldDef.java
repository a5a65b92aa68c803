package org.tunnellens.dissect;

import java.util.function.LongFunction;

/**
 * One field, declared once as Wireshark's {@code hf_register_info} entry is: its filter name ({@code vxlan.vni}),
 * label, type, display base, value names, bitmask and a short description. The filter compiler, the detail tree,
 * the hex highlighting and the CLI columns all read this one definition.
 *
 * <p>A protocol declares its fields through its {@link Fields} list; the id is given when {@link Protocols}
 * registers the protocols, in the catalogue's order, so ids never depend on which class the JVM loaded first.
 */
public final class FieldDef {
    /** Which packet-list column a field's value fills, as a dissector's {@code set_address} does. */
    public enum ColumnRole { NONE, SOURCE, DESTINATION }

    private final String abbrev;
    private final String label;
    private final FieldType type;
    private final Base base;
    private final int bits;
    private final LongFunction<String> names;
    private final boolean hidden;
    private long bitmask;
    private String description = "";
    private ColumnRole role = ColumnRole.NONE;
    /** -1 until registered. Written once; a reader that sees -1 asks the registry, which publishes it safely. */
    private int id = -1;
    private Protocol owner;

    FieldDef(String abbrev, String label, FieldType type, Base base, int bits, LongFunction<String> names,
             boolean hidden) {
        this.abbrev = abbrev;
        this.label = label;
        this.type = type;
        this.base = base;
        this.bits = bits;
        this.names = names;
        this.hidden = hidden;
    }

    public int id() {
        int i = id;
        return i >= 0 ? i : FieldRegistry.idOf(this);
    }

    void assign(int newId, Protocol protocol) {
        id = newId;
        owner = protocol;
    }

    boolean registered() {
        return id >= 0;
    }

    public String abbrev() {
        return abbrev;
    }

    public String label() {
        return label;
    }

    public FieldType type() {
        return type;
    }

    public Base base() {
        return base;
    }

    /** For hex display, the width of the underlying integer in bits (8, 16, 24, 32) as tshark pads it. */
    public int bits() {
        return bits;
    }

    /** Value names for the tree ({@code 1 -> "request"}), or null. */
    public LongFunction<String> names() {
        return names;
    }

    /** True for pseudo-protocols shown in {@code frame.protocols} only (tshark's "ethertype"). */
    public boolean hidden() {
        return hidden;
    }

    /** The bits of the enclosing integer this field occupies (Wireshark's bitmask), or 0 for a whole field. */
    public long bitmask() {
        return bitmask;
    }

    /** Wireshark's "blurb": one sentence on what the field means, for tooltips and the field reference. */
    public String description() {
        return description;
    }

    public ColumnRole role() {
        return role;
    }

    /** The protocol that declared this field. */
    public Protocol owner() {
        if (owner == null) {
            id();
        }
        return owner;
    }

    public boolean isProtocol() {
        return type == FieldType.PROTOCOL;
    }

    /** The protocol prefix of the abbreviation ({@code ip} for {@code ip.src}). */
    public String protocolName() {
        int dot = abbrev.indexOf('.');
        return dot < 0 ? abbrev : abbrev.substring(0, dot);
    }

    // ---- declaration (before registration only) ----

    /** The bits this field takes of its integer: the value stored is already shifted down. */
    public FieldDef mask(long mask) {
        declaring();
        this.bitmask = mask;
        return this;
    }

    public FieldDef describe(String text) {
        declaring();
        this.description = text;
        return this;
    }

    /** The field's value is the packet's source address in the list (innermost header wins). */
    public FieldDef sourceColumn() {
        declaring();
        this.role = ColumnRole.SOURCE;
        return this;
    }

    public FieldDef destinationColumn() {
        declaring();
        this.role = ColumnRole.DESTINATION;
        return this;
    }

    private void declaring() {
        if (id >= 0) {
            throw new IllegalStateException(abbrev + " is registered already: declare it before");
        }
    }

    @Override
    public String toString() {
        return abbrev;
    }
}
