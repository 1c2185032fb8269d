package dev.cpq.quote.archfixture;

/** Fixture: a class of a service (its package is the service's). */
public final class QuoteInternals {

    public static String tenantOf(Object quote) {
        return "t";
    }

    private QuoteInternals() {}
}
