package dev.cpq.archfixture.core.entity;

import dev.cpq.archfixture.checkout.control.Paying;

/** Deliberately wrong: an aggregate that imports a use case, for the convention's own test. */
public class CartThatKnowsCheckout {

    public String payWith(Paying paying) {
        return paying.toString();
    }
}
