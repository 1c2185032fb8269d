package dev.cpq.quote.core.boundary;

import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.quote.core.entity.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The quote as the caller of the current request may read it: a partner sees no approval limits. */
@ApplicationScoped
public class QuoteViews {

    private TenantContext tenant;

    protected QuoteViews() {}

    @Inject
    public QuoteViews(TenantContext tenant) {
        this.tenant = tenant;
    }

    public QuoteView of(Quote quote) {
        return QuoteView.of(quote, tenant.caller());
    }
}
