package dev.cpq.archfixture.order.control;

import jakarta.persistence.EntityManager;

/** Deliberately wrong: queries through JPA without knowing the tenant, for the convention's own test. */
public class UnscopedOrders {

    EntityManager em;

    public long count() {
        return em.createQuery("SELECT count(o) FROM Order o", Long.class).getSingleResult();
    }
}
