package dev.cpq.archfixture.cycle.first;

import dev.cpq.archfixture.cycle.second.Callee;

/** Fixture: one half of a package cycle. */
public final class Caller {

    public Callee next() {
        return new Callee();
    }
}
