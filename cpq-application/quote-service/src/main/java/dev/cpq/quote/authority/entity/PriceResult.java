package dev.cpq.quote.authority.entity;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored price result of pricing-service; its priced lines and totals are kept as pricing wrote them.
 * {@code pricedAt}: when pricing made it (a result made after a newer version's publication is stale).
 */
public record PriceResult(UUID priceResultId, long priceListVersion, long catalogVersion, long policyVersion, String priceHash,
        JsonNode lines, JsonNode totals, Instant validUntil, StalenessPolicy stalenessPolicy, List<ApprovalSignal> approvalSignals, Instant pricedAt) {

    public PriceResult {
        approvalSignals = List.copyOf(approvalSignals);
    }
}
