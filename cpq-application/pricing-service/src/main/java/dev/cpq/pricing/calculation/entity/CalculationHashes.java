package dev.cpq.pricing.calculation.entity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cpq.cache.freshness.CanonicalJsonHash;
import dev.cpq.pricing.approval.entity.ApprovalSignal;
import dev.cpq.pricing.approval.entity.CallerClass;
import dev.cpq.pricing.pricelist.entity.PriceListId;

/**
 * The input hash and the price hash of a calculation, over JSON documents built here field by field
 * (so a refactoring of the records never changes a hash by accident) and hashed canonically (member
 * order and number spelling do not matter; line order does).
 * <ul>
 * <li>input hash: the request's content without the tenant (price list id, currency, market, channel,
 * lines with offering, options, quantity, term, discount), the price list, catalog and policy versions
 * used, and the caller's role class. Equal input on equal versions gives the same hash; any change of
 * either gives another.</li>
 * <li>price hash: what was priced: versions, scope, staleness policy, every line amount, the totals and
 * the approval signals. Never the result id or the times, so equal prices hash alike.</li>
 * </ul>
 * {@link #CALCULATION} is part of both: a change of the arithmetic bumps it, so results of the old
 * arithmetic are never reused for the new.
 */
public final class CalculationHashes {

    public static final int CALCULATION = 1;
    public static final String INPUT_PREFIX = "in-sha256";
    public static final String PRICE_PREFIX = "price-sha256";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CalculationHashes() {}

    public static String inputHash(CalculationInput input, PriceListId priceListId, long priceListVersion, long catalogVersion,
            long policyVersion, CallerClass callerClass) {
        ObjectNode doc = NODES.objectNode()
                .put("calculation", CALCULATION)
                .put("priceListId", priceListId.value())
                .put("priceListVersion", priceListVersion)
                .put("catalogVersion", catalogVersion)
                .put("policyVersion", policyVersion)
                .put("callerClass", callerClass.name())
                .put("currency", input.scope().currencyCode())
                .put("market", input.scope().market())
                .put("channel", input.scope().channel());
        ArrayNode lines = doc.putArray("lines");
        for (CalculationLine line : input.lines()) {
            ObjectNode l = lines.addObject()
                    .put("offeringId", line.offeringId())
                    .put("quantity", line.quantity())
                    .put("termMonths", line.termMonths())
                    .put("discountPercent", line.discount().value());
            ObjectNode options = l.putObject("options");
            line.options().forEach(options::put);
        }
        return CanonicalJsonHash.of(INPUT_PREFIX, doc);
    }

    public static String priceHash(PricedContent content) {
        ObjectNode doc = NODES.objectNode()
                .put("calculation", CALCULATION)
                .put("priceListId", content.priceListId())
                .put("priceListVersion", content.priceListVersion())
                .put("catalogVersion", content.catalogVersion())
                .put("policyVersion", content.policyVersion())
                .put("callerClass", content.callerClass().name())
                .put("currency", content.currency())
                .put("market", content.market())
                .put("channel", content.channel())
                .put("stalenessPolicy", content.stalenessPolicy().name());
        ArrayNode lines = doc.putArray("lines");
        for (PricedLine p : content.lines()) {
            ObjectNode l = lines.addObject()
                    .put("lineIndex", p.lineIndex())
                    .put("offeringId", p.offeringId())
                    .put("quantity", p.quantity())
                    .put("termMonths", p.termMonths())
                    .put("discountPercent", p.discountPercent())
                    .put("unitOneTime", p.unitOneTime())
                    .put("unitRecurringMonthly", p.unitRecurringMonthly())
                    .put("listOneTime", p.listOneTime())
                    .put("listRecurringMonthly", p.listRecurringMonthly())
                    .put("listRecurringTotal", p.listRecurringTotal())
                    .put("listTotal", p.listTotal())
                    .put("netOneTime", p.netOneTime())
                    .put("netRecurringMonthly", p.netRecurringMonthly())
                    .put("netRecurringTotal", p.netRecurringTotal())
                    .put("discountAmount", p.discountAmount())
                    .put("netTotal", p.netTotal());
            ObjectNode options = l.putObject("options");
            p.options().forEach(options::put);
        }
        PriceTotals t = content.totals();
        doc.putObject("totals")
                .put("listTotal", t.listTotal())
                .put("discountTotal", t.discountTotal())
                .put("netTotal", t.netTotal())
                .put("oneTimeTotal", t.oneTimeTotal())
                .put("recurringMonthlyTotal", t.recurringMonthlyTotal())
                .put("recurringTotal", t.recurringTotal());
        ArrayNode signals = doc.putArray("approvalSignals");
        for (ApprovalSignal s : content.approvalSignals()) {
            ObjectNode n = signals.addObject()
                    .put("lineIndex", s.lineIndex())
                    .put("offeringId", s.offeringId())
                    .put("discountPercent", s.discountPercent())
                    .put("requiredRole", s.requiredRole().name())
                    .put("thresholdPercent", s.thresholdPercent())
                    .put("reason", s.reason())
                    .put("approvable", s.approvable());
            if (s.approverMaxPercent() != null) {
                n.put("approverMaxPercent", s.approverMaxPercent());
            }
        }
        return CanonicalJsonHash.of(PRICE_PREFIX, doc);
    }

    /** The hex digest of a hash ({@code in-sha256:9f2c...} -> {@code 9f2c...}): cache key parts may not hold ':'. */
    public static String digestOf(String hash) {
        int colon = hash.indexOf(':');
        if (colon < 0 || colon == hash.length() - 1) {
            throw new IllegalArgumentException("not a prefixed hash: " + hash);
        }
        return hash.substring(colon + 1);
    }
}
