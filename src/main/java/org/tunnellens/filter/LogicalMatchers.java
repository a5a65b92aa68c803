package org.tunnellens.filter;

import org.tunnellens.dissect.Dissection;

/** {@code and}, {@code or} and {@code not} over compiled sub-filters. */
final class LogicalMatchers {
    private LogicalMatchers() {
    }

    record And(Matcher left, Matcher right) implements Matcher {
        @Override
        public boolean matches(Dissection d) {
            return left.matches(d) && right.matches(d);
        }
    }

    record Or(Matcher left, Matcher right) implements Matcher {
        @Override
        public boolean matches(Dissection d) {
            return left.matches(d) || right.matches(d);
        }
    }

    record Not(Matcher inner) implements Matcher {
        @Override
        public boolean matches(Dissection d) {
            return !inner.matches(d);
        }
    }

    /** The empty filter: every packet. */
    record All() implements Matcher {
        @Override
        public boolean matches(Dissection d) {
            return true;
        }
    }
}
