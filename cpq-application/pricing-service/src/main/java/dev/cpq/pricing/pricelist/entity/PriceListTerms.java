package dev.cpq.pricing.pricelist.entity;

import java.util.Objects;

/**
 * The terms of a price list version besides its prices: its display name, what its results are worth
 * after a newer publication, and how long they are valid. Copied into each new draft unless changed.
 */
public record PriceListTerms(String name, StalenessPolicy stalenessPolicy, ValidityDays validityDays) {

    public PriceListTerms {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > PriceList.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a price list name has 1-" + PriceList.MAX_NAME_LENGTH + " characters");
        }
        Objects.requireNonNull(stalenessPolicy, "stalenessPolicy");
        Objects.requireNonNull(validityDays, "validityDays");
    }

    /** The terms of a brand-new list: named after its id, the default policy and validity. */
    public static PriceListTerms initial(PriceListId id) {
        return new PriceListTerms(id.value(), StalenessPolicy.DEFAULT, ValidityDays.DEFAULT);
    }

    /** These terms with whatever the admin changed (null: keep). */
    public PriceListTerms with(String newName, StalenessPolicy newPolicy, Integer newValidityDays) {
        return new PriceListTerms(newName != null ? newName : name, newPolicy != null ? newPolicy : stalenessPolicy,
                newValidityDays != null ? new ValidityDays(newValidityDays) : validityDays);
    }
}
