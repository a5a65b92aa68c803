package org.tunnellens.filter;

import org.tunnellens.dissect.Dissection;

/** A test of one field occurrence against the value(s) a filter names ({@code == 10.0.0.1}, {@code in {80 443}}). */
@FunctionalInterface
interface OccurrenceTest {
    boolean test(Dissection d, int occ);
}
