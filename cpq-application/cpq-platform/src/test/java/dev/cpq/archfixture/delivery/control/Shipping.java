package dev.cpq.archfixture.delivery.control;

import dev.cpq.archfixture.checkout.control.Paying;

/** Deliberately wrong: the other half of the cycle with {@link Paying}. */
public class Shipping {

    public String pay(Paying paying) {
        return paying.toString();
    }
}
