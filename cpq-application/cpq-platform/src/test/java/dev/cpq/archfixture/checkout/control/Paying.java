package dev.cpq.archfixture.checkout.control;

import dev.cpq.archfixture.delivery.control.Shipping;

/** Deliberately wrong: two use cases that import each other (with {@link Shipping}), for the convention's own test. */
public class Paying {

    public String ship(Shipping shipping) {
        return shipping.toString();
    }
}
