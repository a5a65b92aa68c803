package org.tunnellens.dissect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field of every protocol, by id and by Wireshark name. Filled once, in the order of {@link Protocols}'
 * catalogue, the first time anything asks for a field's id or name; after that it is read-only.
 */
public final class FieldRegistry {
    private static volatile Snapshot snapshot;

    private record Snapshot(FieldDef[] byId, Map<String, FieldDef> byName, Map<String, FieldDef[]> aliases) {
    }

    private FieldRegistry() {
    }

    private static Snapshot snapshot() {
        Snapshot s = snapshot;
        return s != null ? s : build();
    }

    private static boolean building;

    private static synchronized Snapshot build() {
        if (snapshot != null) {
            return snapshot;
        }
        if (building) {
            // a protocol's static initialiser asked for an id: it would get one that depends on load order
            throw new IllegalStateException("a field id was asked for while the protocols were being registered");
        }
        building = true;
        List<FieldDef> byId = new ArrayList<>();
        Map<String, FieldDef> byName = new LinkedHashMap<>();
        Map<String, FieldDef[]> aliases = new HashMap<>();
        for (Protocol p : Protocols.catalogue()) {
            for (FieldDef f : p.fields()) {
                if (f.registered()) {
                    continue; // a list shared by two protocol instances (802.1Q and 802.1ad)
                }
                if (byName.containsKey(f.abbrev())) {
                    throw new IllegalStateException("field registered twice: " + f.abbrev());
                }
                f.assign(byId.size(), p);
                byId.add(f);
                byName.put(f.abbrev(), f);
            }
            aliases.putAll(p.aliases());
        }
        building = false;
        snapshot = new Snapshot(byId.toArray(FieldDef[]::new), Collections.unmodifiableMap(byName),
                Collections.unmodifiableMap(aliases));
        return snapshot;
    }

    static int idOf(FieldDef f) {
        snapshot();
        if (!f.registered()) {
            throw new IllegalStateException(f.abbrev() + " belongs to no protocol in the catalogue");
        }
        return f.id();
    }

    /** The field with this Wireshark name, or null. */
    public static FieldDef byName(String abbrev) {
        return snapshot().byName.get(abbrev);
    }

    public static FieldDef byId(int id) {
        return snapshot().byId[id];
    }

    /** The fields an "either end" name stands for ({@code ip.addr}), or null when it is not one. */
    public static FieldDef[] alias(String name) {
        FieldDef[] a = snapshot().aliases.get(name);
        return a == null ? null : a.clone();
    }

    public static java.util.Set<String> aliasNames() {
        return snapshot().aliases.keySet();
    }

    /** All fields in registration order (for autocompletion and documentation). */
    public static List<FieldDef> all() {
        return List.of(snapshot().byId);
    }
}
