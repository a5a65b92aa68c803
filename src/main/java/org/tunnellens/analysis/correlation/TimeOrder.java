package org.tunnellens.analysis.correlation;

import org.tunnellens.capture.PacketIndex;

/** Packet indices in timestamp order (stable). Captures are nearly always in order already, so that is checked first. */
final class TimeOrder {
    private TimeOrder() {
    }

    static int[] of(PacketIndex index) {
        int n = index.size();
        int[] order = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (i > 0 && index.timestampNanos(i) < index.timestampNanos(i - 1)) {
                sorted = false;
            }
        }
        if (!sorted) {
            mergeSort(order, new int[n], 0, n, index);
        }
        return order;
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, PacketIndex index) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, index);
        mergeSort(a, tmp, mid, to, index);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            tmp[k++] = index.timestampNanos(a[j]) < index.timestampNanos(a[i]) ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
    }
}
