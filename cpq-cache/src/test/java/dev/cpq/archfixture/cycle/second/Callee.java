package dev.cpq.archfixture.cycle.second;

import dev.cpq.archfixture.cycle.first.Caller;

/** Fixture: the other half of a package cycle. */
public final class Callee {

    public Caller back() {
        return new Caller();
    }
}
