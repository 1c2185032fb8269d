package dev.cpq.quote.core.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.quote.authority.entity.ApprovalSignal;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteLine;
import dev.cpq.quote.core.entity.QuoteStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A quote as {@code GET /quotes/{id}} and every command answer it (ETag = {@code version}). Every field
 * is present: one not known yet (a draft's catalog version, price result, approval, order) is {@code null},
 * never omitted, as the contract lists them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record QuoteView(UUID quoteId, String status, long version, UUID revisionId, int revisionNo, String customerId, String currency,
        String market, String channel, String priceListId, List<QuoteLine> lines, Long catalogVersion, String configurationHash,
        UUID priceResultId, Long priceListVersion, String priceHash, Instant priceValidUntil, String stalenessPolicy, JsonNode pricedLines,
        JsonNode totals, Instant validUntil, Approval approval, String orderId, String createdBy, Instant createdAt, Instant updatedAt) {

    /**
     * What approval the current price needs: {@code required} when there are signals; where it stands
     * ({@code NOT_SUBMITTED}, {@code PENDING}, {@code APPROVED}, {@code REJECTED}); the signals and the
     * policy version they follow. Decisions are evidence rows of their own ({@code GET .../approvals}).
     */
    public record Approval(boolean required, String status, Long policyVersion, List<ApprovalSignal> signals) {

        static String statusOf(QuoteStatus s) {
            return switch (s) {
                case PENDING_APPROVAL -> "PENDING";
                case APPROVED, ACCEPTED -> "APPROVED";
                case REJECTED -> "REJECTED";
                default -> "NOT_SUBMITTED";
            };
        }
    }

    public static QuoteView of(Quote q) {
        Approval approval = q.priceResultId().isEmpty() ? null
                : new Approval(!q.approvalSignals().isEmpty(), Approval.statusOf(q.status()), q.policyVersion().orElse(null), q.approvalSignals());
        return new QuoteView(q.id().value(), q.status().name(), q.rowVersion(), q.revisionId().value(), q.revisionNo(), q.customerId(),
                q.currency(), q.market(), q.channel(), q.priceListId(), q.lines(), q.catalogVersion().orElse(null),
                q.configurationHash().orElse(null), q.priceResultId().orElse(null), q.priceListVersion().orElse(null),
                q.priceHash().orElse(null), q.priceValidUntil().orElse(null), q.stalenessPolicy().map(Enum::name).orElse(null),
                q.pricedLines().orElse(null), q.totals().orElse(null), q.validUntil(), approval, q.orderId().orElse(null), q.createdBy(),
                q.createdAt(), q.updatedAt());
    }
}
