package dev.cpq.quote.submission.control;

import dev.cpq.quote.authority.entity.ActivePriceList;
import dev.cpq.quote.authority.entity.LinesVerdict;
import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.quote.drafting.entity.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The final freshness validation of a submit, in a fixed order so the same facts always give the same
 * refusal: catalog version, configuration, price list version and price validity, then the approval
 * signals under the current policy. Catalog and pricing are asked at once (one call each), their answers
 * judged in that order. Remote reads only: it runs before the submit transaction.
 */
@ApplicationScoped
public class QuoteSubmitValidator {

    private ConfigurationFreshnessChecker configuration;
    private QuotePricingFreshnessChecker pricing;
    private StaleRejections rejections;

    protected QuoteSubmitValidator() {}

    @Inject
    public QuoteSubmitValidator(ConfigurationFreshnessChecker configuration, QuotePricingFreshnessChecker pricing, StaleRejections rejections) {
        this.configuration = configuration;
        this.pricing = pricing;
        this.rejections = rejections;
    }

    /** Catalog's and pricing's answers about one quote, asked for at once and read by {@link #judge}. */
    public record Answers(Pending<LinesVerdict> catalog, Pending<ActivePriceList> pricing) {}

    /** Asks both services at once (nothing is waited for here). */
    public Answers ask(Quote quote) {
        return new Answers(configuration.ask(quote), pricing.ask(quote));
    }

    /** @throws dev.cpq.quote.drafting.entity.QuoteStaleException (counted by code) when anything moved */
    public QuotePricingFreshnessChecker.CurrentSignals judge(Quote quote, Answers answers, Instant now) {
        return rejections.counted(() -> {
            configuration.check(quote, answers.catalog());
            pricing.checkPrice(quote, now, answers.pricing());
            return pricing.currentSignals(quote, answers.pricing());
        });
    }
}
