package dev.cpq.archfixture.lower;

/** Fixture: a shared module's class that knows a service's event by name. */
public final class PublicationTypes {

    public static final String CATALOG = "CatalogPublished";

    private PublicationTypes() {}
}
