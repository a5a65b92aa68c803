package org.tunnellens.filter;

import org.tunnellens.dissect.Dissection;

/** One node of a compiled filter. Implementations hold only what they compare with: no allocation per packet. */
interface Matcher {
    boolean matches(Dissection d);
}
