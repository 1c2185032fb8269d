package dev.cpq.archfixture.contract;

import dev.cpq.events.catalog.CatalogPublished;
import dev.cpq.quote.archfixture.QuoteInternals;

/** Fixture: a contract class built from a service's own class, and a lower module's class using the contract. */
public final class LeakyEvent {

    public String tenant() {
        return QuoteInternals.tenantOf(this);
    }

    public long version(CatalogPublished event) {
        return event.newVersion();
    }
}
