package org.tunnellens.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.tunnellens.dissect.column.FieldFormatter;

/**
 * The IEEE MA-L registry as short names, the way Wireshark shows a MAC ({@code PcsCompu_c4:7e:22}). Held as two
 * sorted arrays rather than a map: 32 000 prefixes, looked up by binary search for every visible address.
 */
public final class MacVendors {
    private static final String RESOURCE = "/vendors/oui-short.tsv.gz";
    private static volatile MacVendors bundled;

    private final int[] prefixes;
    private final String[] names;

    MacVendors(int[] prefixes, String[] names) {
        this.prefixes = prefixes;
        this.names = names;
    }

    /** The table built by scripts/make-vendor-table.sh, loaded once. */
    public static MacVendors bundled() {
        MacVendors v = bundled;
        if (v == null) {
            synchronized (MacVendors.class) {
                if (bundled == null) {
                    bundled = load();
                }
                v = bundled;
            }
        }
        return v;
    }

    private static MacVendors load() {
        InputStream raw = MacVendors.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            // a build without the table still works, it just shows raw addresses
            return new MacVendors(new int[0], new String[0]);
        }
        int[] p = new int[40_000];
        String[] n = new String[40_000];
        int size = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (tab != 6) {
                    continue;
                }
                if (size == p.length) {
                    p = Arrays.copyOf(p, size * 2);
                    n = Arrays.copyOf(n, size * 2);
                }
                p[size] = Integer.parseInt(line, 0, 6, 16);
                n[size] = line.substring(7);
                size++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled vendor table " + RESOURCE, e);
        }
        // the script sorts by text, which for six upper-case hex digits is numeric order; sort anyway to be safe
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        final int[] fp = p;
        Arrays.sort(order, (a, b) -> Integer.compare(fp[a], fp[b]));
        int[] sp = new int[size];
        String[] sn = new String[size];
        for (int i = 0; i < size; i++) {
            sp[i] = p[order[i]];
            sn[i] = n[order[i]];
        }
        return new MacVendors(sp, sn);
    }

    public int size() {
        return prefixes.length;
    }

    /** The registered short name of the MAC's first three bytes, or null. */
    public String shortName(long mac) {
        int oui = (int) ((mac >>> 24) & 0xffffff);
        int i = Arrays.binarySearch(prefixes, oui);
        return i >= 0 ? names[i] : null;
    }

    /** {@code PcsCompu_c4:7e:22} when the prefix is registered, else the plain address. */
    public String resolve(long mac) {
        String name = shortName(mac);
        String plain = FieldFormatter.mac(mac);
        return name == null ? plain : name + "_" + plain.substring(9);
    }
}
