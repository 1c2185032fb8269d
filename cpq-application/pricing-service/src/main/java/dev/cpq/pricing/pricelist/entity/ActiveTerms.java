package dev.cpq.pricing.pricelist.entity;

import java.util.Objects;

/**
 * A list's active version with the tenant's approval policy version in force (0 while none is set): the
 * two facts a quote's final check compares its recorded versions with, read together from the database.
 */
public record ActiveTerms(PriceList active, long approvalPolicyVersion) {

    public ActiveTerms {
        Objects.requireNonNull(active, "active");
    }
}
