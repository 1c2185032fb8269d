package dev.cpq.pricing.calculation.entity;

import dev.cpq.pricing.approval.entity.ApprovalSignal;
import dev.cpq.pricing.approval.entity.CallerClass;
import dev.cpq.pricing.pricelist.entity.StalenessPolicy;
import java.util.List;
import java.util.Objects;

/**
 * Everything a calculation derives from its input and the versions it used: the same input on the
 * same versions gives equal content, and the price hash is taken over exactly this.
 */
public record PricedContent(String priceListId, long priceListVersion, long catalogVersion, long policyVersion, CallerClass callerClass,
        String currency, String market, String channel, StalenessPolicy stalenessPolicy, List<PricedLine> lines, PriceTotals totals,
        List<ApprovalSignal> approvalSignals) {

    public PricedContent {
        Objects.requireNonNull(priceListId, "priceListId");
        Objects.requireNonNull(callerClass, "callerClass");
        Objects.requireNonNull(stalenessPolicy, "stalenessPolicy");
        lines = List.copyOf(lines);
        Objects.requireNonNull(totals, "totals");
        approvalSignals = List.copyOf(approvalSignals);
    }
}
