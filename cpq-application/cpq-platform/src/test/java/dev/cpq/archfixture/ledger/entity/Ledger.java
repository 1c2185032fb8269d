package dev.cpq.archfixture.ledger.entity;

import dev.cpq.archfixture.order.control.UnscopedOrders;

/** Deliberately wrong: an aggregate that reaches into a use case, for the convention's own test. */
public class Ledger {

    public long orders(UnscopedOrders orders) {
        return orders.count();
    }
}
