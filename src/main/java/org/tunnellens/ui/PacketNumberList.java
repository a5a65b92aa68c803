package org.tunnellens.ui;

import java.util.Arrays;
import javafx.collections.ObservableListBase;

/**
 * The rows of the packet list as 0-based packet indices in an int array: all packets (no array at all) or the
 * ones a filter kept, in display order. TableView virtualises over it, so a million rows cost 4 MB, not a million
 * row objects.
 */
public final class PacketNumberList extends ObservableListBase<Integer> {
    /** null means "every packet 0..size-1 in file order". */
    private int[] indices;
    private int size;

    @Override
    public Integer get(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException(row);
        }
        return indices == null ? row : indices[row];
    }

    /** The packet index shown at a row, without boxing. */
    public int packetAt(int row) {
        return indices == null ? row : indices[row];
    }

    @Override
    public int size() {
        return size;
    }

    /** Shows packets 0..count-1 in file order; growing the count while loading only appends rows. */
    public void showAll(int count) {
        if (indices == null && count >= size) {
            int old = size;
            size = count;
            if (count > old) {
                beginChange();
                nextAdd(old, count);
                endChange();
            }
            return;
        }
        replace(null, count);
    }

    /** Shows exactly these packets (a filter's matches or a sorted order). */
    public void show(int[] packets) {
        replace(packets, packets.length);
    }

    /** The current rows as an int array (a copy). */
    public int[] packets() {
        if (indices == null) {
            int[] a = new int[size];
            Arrays.setAll(a, i -> i);
            return a;
        }
        return Arrays.copyOf(indices, size);
    }

    public boolean showsAll() {
        return indices == null;
    }

    /** Row of a packet, or -1 when the packet is not displayed. */
    public int rowOf(int packet) {
        if (indices == null) {
            return packet < size ? packet : -1;
        }
        for (int r = 0; r < size; r++) {
            if (indices[r] == packet) {
                return r;
            }
        }
        return -1;
    }

    private void replace(int[] packets, int count) {
        int old = size;
        beginChange();
        if (old > 0) {
            nextRemove(0, java.util.Collections.nCopies(old, 0));
        }
        indices = packets;
        size = count;
        if (count > 0) {
            nextAdd(0, count);
        }
        endChange();
    }
}
