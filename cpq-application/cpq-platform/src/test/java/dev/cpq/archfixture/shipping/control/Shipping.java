package dev.cpq.archfixture.shipping.control;

import dev.cpq.archfixture.billing.control.Billing;

/** Deliberately wrong: the other half of the cycle, for the convention's own test. */
public class Shipping {

    public boolean shipped(Billing billing) {
        return billing != null;
    }
}
