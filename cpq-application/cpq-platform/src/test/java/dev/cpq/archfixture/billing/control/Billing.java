package dev.cpq.archfixture.billing.control;

import dev.cpq.archfixture.shipping.control.Shipping;

/** Deliberately wrong: one half of a cycle between two use cases, for the convention's own test. */
public class Billing {

    public boolean billable(Shipping shipping) {
        return shipping.shipped(this);
    }
}
