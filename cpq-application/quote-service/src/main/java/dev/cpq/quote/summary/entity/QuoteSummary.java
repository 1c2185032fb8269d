package dev.cpq.quote.summary.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.quote.core.entity.Quote;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A sales worklist card of one quote: what a list shows, cheap to cache. Never used to decide anything:
 * commands and the snapshot read the database. {@code createdBy} (the owner) scopes what a partner may read.
 */
public record QuoteSummary(String quoteId, String status, long version, String revisionId, String customerId, String currency,
        BigDecimal netTotal, String priceHash, Instant validUntil, Instant updatedAt, String createdBy) {

    public static QuoteSummary of(Quote q) {
        BigDecimal net = q.totals().map(t -> t.path("netTotal")).filter(JsonNode::isNumber).map(JsonNode::decimalValue).orElse(null);
        return new QuoteSummary(q.id().toString(), q.status().name(), q.rowVersion(), q.revisionId().toString(), q.customerId(), q.currency(),
                net, q.priceHash().orElse(null), q.validUntil(), q.updatedAt(), q.createdBy());
    }
}
