package dev.cpq.archfixture.lower;

/** Fixture: a shared module's class named after a service. */
public final class QuoteCacheWarmer {
}
