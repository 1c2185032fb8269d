package dev.cpq.quote.drafting.boundary;

import dev.cpq.platform.idempotency.boundary.IdempotentEndpoint;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.platform.remote.entity.RemoteServiceUnavailableException;
import dev.cpq.quote.drafting.entity.Quote;
import dev.cpq.quote.drafting.entity.QuoteId;
import dev.cpq.quote.drafting.entity.QuoteNotFoundException;
import dev.cpq.quote.drafting.entity.Quotes;
import dev.cpq.quote.submission.entity.VersionsMovedException;
import dev.cpq.quote.summary.control.QuoteSummaries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;

/**
 * What every command on a quote does around its own change: an idempotent POST answering the quote and
 * its new ETag, a transient remote failure as its 503 with the key given back, and the cached summary
 * invalidated once the change has committed.
 */
@ApplicationScoped
public class QuoteCommandEndpoint {

    private IdempotentEndpoint idempotent;
    private QuoteSummaries summaries;
    private Quotes quotes;
    private TenantContext tenant;
    private Counter revalidated;

    protected QuoteCommandEndpoint() {}

    @Inject
    public QuoteCommandEndpoint(IdempotentEndpoint idempotent, QuoteSummaries summaries, Quotes quotes, TenantContext tenant,
            MeterRegistry registry) {
        this.idempotent = idempotent;
        this.summaries = summaries;
        this.quotes = quotes;
        this.tenant = tenant;
        this.revalidated = registry.counter("cpq.quote.commands.revalidated");
    }

    /** The id of a path; a malformed one is as unknown as an unknown one (404). */
    public static QuoteId quoteId(String path) {
        return QuoteId.parse(path).orElseThrow(() -> new QuoteNotFoundException(path));
    }

    public Response execute(String command, QuoteId id, String key, UriInfo uri, Object body, Supplier<Quote> change) {
        requireCommandable(id);
        Response response = unwrapTransient(() -> idempotent.execute(command, key, "POST", uri, body, () -> {
            Quote quote = change.get();
            return idempotent.ok(QuoteView.of(quote, tenant.caller()), quote.rowVersion());
        }));
        changed(id);
        return response;
    }

    /**
     * A partner commands only its own quotes: another's is unknown (404) before the Idempotency-Key is
     * looked up, since a stored answer replayed for a reused key is another seller's quote. Idempotency
     * records are scoped by tenant, not by user, and agents read every quote of the tenant anyway.
     */
    private void requireCommandable(QuoteId id) {
        if (tenant.caller().hasRole(Roles.PARTNER) && quotes.byId(id).isEmpty()) {
            throw new QuoteNotFoundException(id.toString());
        }
    }

    /** How often a command whose versions moved under the row lock runs again from its validation. */
    static final int VALIDATION_ATTEMPTS = 3;

    /**
     * A command that validates against the owners' databases before it locks the quote ({@code
     * prepareAndCommand} prepares and returns the command): when, under the lock, a version pointer shows
     * a publication newer than what was validated, the command's transaction is rolled back (the key
     * given back) and it runs again from a fresh preparation, at most {@value #VALIDATION_ATTEMPTS} times;
     * then 503 (retry shortly), never a commit on what might be stale.
     */
    public Response executeRevalidating(String command, QuoteId id, String key, UriInfo uri, Object body,
            Supplier<Supplier<Quote>> prepareAndCommand) {
        for (int attempt = 1; ; attempt++) {
            Supplier<Quote> change = prepareAndCommand.get();
            try {
                return execute(command, id, key, uri, body, change);
            } catch (VersionsMovedException e) {
                revalidated.increment();
                if (attempt >= VALIDATION_ATTEMPTS) {
                    throw new RemoteServiceUnavailableException("pricing", "versions kept moving while the command was validated ("
                            + e.getMessage() + ")", e);
                }
            }
        }
    }

    /** After the commit: the cached summary must not outlive the change. */
    public void changed(QuoteId id) {
        summaries.invalidate(id);
    }

    /** A transient dependency failure as its 503 (inside idempotent commands it travels wrapped so the key is given back). */
    public static <T> T unwrapTransient(Supplier<T> call) {
        try {
            return call.get();
        } catch (RemoteServiceUnavailableException.Transient e) {
            throw e.problem();
        }
    }
}
