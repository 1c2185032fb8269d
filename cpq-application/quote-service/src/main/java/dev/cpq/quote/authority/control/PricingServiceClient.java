package dev.cpq.quote.authority.control;

import dev.cpq.platform.remote.control.ServiceClient;
import dev.cpq.platform.remote.entity.RemoteAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.quote.authority.entity.ActivePriceList;
import dev.cpq.quote.authority.entity.ApprovalPolicy;
import dev.cpq.quote.authority.entity.ApprovalSignal;
import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.quote.authority.entity.PriceRequest;
import dev.cpq.quote.authority.entity.PriceResult;
import dev.cpq.quote.authority.entity.PricingAuthority;
import dev.cpq.quote.authority.entity.ServiceLocations;
import dev.cpq.quote.authority.entity.StalenessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@link PricingAuthority} over pricing-service's HTTP API. */
@ApplicationScoped
public class PricingServiceClient implements PricingAuthority {

    static final String SERVICE = "pricing";

    private ServiceLocations locations;
    private ServiceClient remote;

    protected PricingServiceClient() {}

    @Inject
    public PricingServiceClient(ServiceLocations locations, ServiceClient remote) {
        this.locations = locations;
        this.remote = remote;
    }

    @Override
    public PriceResult price(PriceRequest request) {
        RemoteAnswer answer = remote.post(SERVICE, locations.priceCalculations(), request);
        if (!answer.ok()) {
            throw remote.refusal(SERVICE, answer);
        }
        return result(answer.body());
    }

    @Override
    public Pending<ActivePriceList> activePriceList(String priceListId, long pricedOnVersion) {
        return Pending.of(remote.getAsync(SERVICE, locations.activePriceListVersion(priceListId, pricedOnVersion)).thenApply(answer -> {
            if (answer.status() != 200) {
                throw remote.refusal(SERVICE, answer);
            }
            return activePriceList(priceListId, answer.body());
        }));
    }

    /** What an answer of {@code GET /price-lists/{id}/active-version} means (package-private for tests). */
    ActivePriceList activePriceList(String priceListId, JsonNode body) {
        try {
            JsonNode policyVersion = body.path("approvalPolicyVersion");
            if (!policyVersion.isIntegralNumber() || policyVersion.asLong() < 0) {
                throw new IllegalArgumentException("no approvalPolicyVersion");
            }
            JsonNode newer = body.path("newerVersionPublishedAt");
            return new ActivePriceList(priceListId, positive(body.path("priceListVersion")),
                    StalenessPolicy.valueOf(body.path("stalenessPolicy").asText()), policyVersion.asLong(),
                    newer.isTextual() ? java.util.Optional.of(Instant.parse(newer.asText())) : java.util.Optional.empty());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw remote.unavailable(SERVICE, "answered an active price list version it should not: " + e.getMessage(), e);
        }
    }

    @Override
    public Pending<ApprovalPolicy> approvalPolicy() {
        return Pending.of(remote.getAsync(SERVICE, locations.approvalPolicy()).thenApply(answer -> {
            if (answer.status() != 200) {
                throw remote.refusal(SERVICE, answer);
            }
            return approvalPolicy(answer.body());
        }));
    }

    /** What an answer of {@code GET /approval-policy} means (package-private for tests). */
    ApprovalPolicy approvalPolicy(JsonNode body) {
        try {
            List<ApprovalPolicy.Threshold> thresholds = new ArrayList<>();
            for (JsonNode t : body.path("thresholds")) {
                thresholds.add(new ApprovalPolicy.Threshold(text(t.path("role")), decimal(t.path("maxDiscountPercent"))));
            }
            JsonNode version = body.path("policyVersion");
            if (!version.isIntegralNumber()) {
                throw new IllegalArgumentException("no policyVersion");
            }
            return new ApprovalPolicy(version.asLong(), thresholds);
        } catch (IllegalArgumentException e) {
            throw remote.unavailable(SERVICE, "answered an approval policy it should not: " + e.getMessage(), e);
        }
    }

    /** What a price calculation answer means (package-private for tests). */
    PriceResult result(JsonNode b) {
        try {
            List<ApprovalSignal> signals = new ArrayList<>();
            for (JsonNode s : b.path("approvalSignals")) {
                signals.add(new ApprovalSignal(s.path("lineIndex").asInt(), text(s.path("offeringId")), decimal(s.path("discountPercent")),
                        text(s.path("requiredRole")), s.hasNonNull("thresholdPercent") ? decimal(s.path("thresholdPercent")) : null,
                        s.path("reason").asText(ApprovalSignal.DISCOUNT_ABOVE_THRESHOLD), s.path("approvable").asBoolean(false),
                        s.hasNonNull("approverMaxPercent") ? decimal(s.path("approverMaxPercent")) : null));
            }
            if (!b.path("lines").isArray() || !b.path("totals").isObject() || !text(b.path("priceHash")).startsWith("price-sha256:")) {
                throw new IllegalArgumentException("lines, totals or priceHash missing");
            }
            return new PriceResult(UUID.fromString(text(b.path("priceResultId"))), positive(b.path("priceListVersion")),
                    positive(b.path("catalogVersion")), b.path("policyVersion").asLong(), text(b.path("priceHash")), b.path("lines"),
                    b.path("totals"), Instant.parse(text(b.path("validUntil"))), StalenessPolicy.valueOf(text(b.path("stalenessPolicy"))),
                    signals, b.path("pricedAt").isTextual() ? Instant.parse(b.path("pricedAt").asText()) : null);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw remote.unavailable(SERVICE, "answered a price result it should not: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n) {
        if (!n.isTextual()) {
            throw new IllegalArgumentException("a text member is missing");
        }
        return n.asText();
    }

    private static BigDecimal decimal(JsonNode n) {
        if (!n.isNumber()) {
            throw new IllegalArgumentException("a number member is missing");
        }
        return n.decimalValue();
    }

    private static long positive(JsonNode n) {
        if (!n.isIntegralNumber() || n.asLong() < 1) {
            throw new IllegalArgumentException("a version is missing");
        }
        return n.asLong();
    }
}
