package dev.cpq.quote.core.entity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cpq.quote.authority.entity.ApprovalSignal;
import dev.cpq.quote.authority.entity.PriceResult;
import dev.cpq.quote.authority.entity.StalenessPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Quotes in given states, built through their commands only. */
public final class QuoteFixtures {

    /** Now (commands in control tests use the real clock, so quotes built here must be valid now). */
    public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private QuoteFixtures() {}

    public static String hash(char c) {
        return "cfg-sha256:" + String.valueOf(c).repeat(64);
    }

    public static QuoteLine line(String offering, String discount) {
        return new QuoteLine(offering, Map.of("speed", "100"), 2, 24, new BigDecimal(discount), hash('a'));
    }

    public static Quote draft() {
        Quote q = Quote.create(QuoteId.random(), "t1", "cust-1", "EUR", "de", "web", "eu", "agent", null, NOW);
        q.ownedBy(java.util.Set.of("SALES_AGENT"));
        return q;
    }

    public static Quote configured(QuoteLine... lines) {
        Quote q = draft();
        q.replaceLines(List.of(lines), 7, NOW);
        return q;
    }

    public static PriceResult price(long catalogVersion, List<ApprovalSignal> signals) {
        return price(catalogVersion, signals, NOW.plus(30, ChronoUnit.DAYS));
    }

    public static PriceResult price(long catalogVersion, List<ApprovalSignal> signals, Instant validUntil) {
        return new PriceResult(UUID.randomUUID(), 3, catalogVersion, 1, "price-sha256:" + "b".repeat(64), JsonNodeFactory.instance.arrayNode(),
                JsonNodeFactory.instance.objectNode().put("netTotal", new BigDecimal("10.00")), validUntil,
                StalenessPolicy.REPRICE_REQUIRED_ON_PUBLISH, signals, NOW);
    }

    public static ApprovalSignal signal(int line, boolean approvable) {
        return new ApprovalSignal(line, "fiber", new BigDecimal("15"), "SALES_MANAGER", new BigDecimal("10"),
                ApprovalSignal.DISCOUNT_ABOVE_THRESHOLD, approvable, new BigDecimal("20"));
    }

    public static Quote priced(List<ApprovalSignal> signals) {
        Quote q = configured(line("fiber", "15"));
        q.recordPrice(q.revisionId(), price(7, signals), NOW);
        return q;
    }
}
