package dev.cpq.archfixture.order.entity;

import dev.cpq.archfixture.order.boundary.OrderResource;

/** Deliberately wrong: an entity that reaches into the boundary, for the convention's own test. */
public class LeakyOrder {

    public String render(OrderResource resource) {
        return resource.toString();
    }
}
