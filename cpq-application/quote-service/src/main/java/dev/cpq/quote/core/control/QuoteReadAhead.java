package dev.cpq.quote.core.control;

import dev.cpq.platform.command.entity.ReadAhead;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteNotFoundException;
import dev.cpq.quote.core.entity.Quotes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The quote a command reads before its Idempotency-Key is claimed. */
@ApplicationScoped
public class QuoteReadAhead {

    private Quotes quotes;
    private TenantContext tenant;

    protected QuoteReadAhead() {}

    @Inject
    public QuoteReadAhead(Quotes quotes, TenantContext tenant) {
        this.quotes = quotes;
        this.tenant = tenant;
    }

    /**
     * The quote as it is now; an unknown one is the command's 404, stored as the key's answer. A partner
     * commands only its own quotes: another's is unknown (404) before the key is looked up, since a stored
     * answer replayed for a reused key is another seller's quote. Idempotency records are scoped by tenant,
     * not by user, and agents read every quote of the tenant anyway.
     */
    public ReadAhead<Quote> of(QuoteId id) {
        ReadAhead<Quote> read = ReadAhead.of(() -> quotes.byId(id).orElseThrow(() -> new QuoteNotFoundException(id.toString())));
        if (read.failedWith(QuoteNotFoundException.class) && tenant.caller().hasRole(Roles.PARTNER)) {
            read.get();
        }
        return read;
    }

    /** For a command that reads nothing ahead: only a partner's unknown quote is refused now (as in {@link #of}). */
    public ReadAhead<Void> partnersOwnOnly(QuoteId id) {
        if (tenant.caller().hasRole(Roles.PARTNER) && quotes.byId(id).isEmpty()) {
            throw new QuoteNotFoundException(id.toString());
        }
        return ReadAhead.nothing();
    }
}
