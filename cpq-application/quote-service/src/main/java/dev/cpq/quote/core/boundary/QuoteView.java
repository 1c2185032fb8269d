package dev.cpq.quote.core.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.authority.entity.ApprovalSignal;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteLine;
import dev.cpq.quote.core.entity.QuoteStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A quote as {@code GET /quotes/{id}} and every command answer it (ETag = {@code version}). Every field
 * is present: one not known yet (a draft's catalog version, price result, approval, order) is {@code null},
 * never omitted, as the contract lists them. A partner reads the approval signals without the approval
 * limits ({@code thresholdPercent}, {@code approverMaxPercent} null: thresholds are not visible to
 * partners); the stored quote keeps them.
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
    public record Approval(boolean required, String status, Long policyVersion, List<SignalView> signals) {

        static String statusOf(QuoteStatus s) {
            return switch (s) {
                case PENDING_APPROVAL -> "PENDING";
                case APPROVED, ACCEPTED -> "APPROVED";
                case REJECTED -> "REJECTED";
                default -> "NOT_SUBMITTED";
            };
        }
    }

    /** An approval signal with every field present; the two limits null for a partner. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SignalView(int lineIndex, String offeringId, BigDecimal discountPercent, String requiredRole, BigDecimal thresholdPercent,
            String reason, boolean approvable, BigDecimal approverMaxPercent) {

        static SignalView of(ApprovalSignal s, boolean limitsVisible) {
            return new SignalView(s.lineIndex(), s.offeringId(), s.discountPercent(), s.requiredRole(), limitsVisible ? s.thresholdPercent() : null,
                    s.reason(), s.approvable(), limitsVisible ? s.approverMaxPercent() : null);
        }
    }

    public static QuoteView of(Quote q, Caller viewer) {
        boolean limitsVisible = !viewer.hasRole(Roles.PARTNER);
        List<SignalView> signals = q.approvalSignals().stream().map(s -> SignalView.of(s, limitsVisible)).toList();
        Approval approval = q.priceResultId().isEmpty() ? null
                : new Approval(!signals.isEmpty(), Approval.statusOf(q.status()), q.policyVersion().orElse(null), signals);
        return new QuoteView(q.id().value(), q.status().name(), q.rowVersion(), q.revisionId().value(), q.revisionNo(), q.customerId(),
                q.currency(), q.market(), q.channel(), q.priceListId(), q.lines(), q.catalogVersion().orElse(null),
                q.configurationHash().orElse(null), q.priceResultId().orElse(null), q.priceListVersion().orElse(null),
                q.priceHash().orElse(null), q.priceValidUntil().orElse(null), q.stalenessPolicy().map(Enum::name).orElse(null),
                q.pricedLines().orElse(null), q.totals().orElse(null), q.validUntil(), approval, q.orderId().orElse(null), q.createdBy(),
                q.createdAt(), q.updatedAt());
    }
}
