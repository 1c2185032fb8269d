package dev.cpq.quote.submission.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.platform.remote.control.ServiceClient;
import dev.cpq.platform.remote.entity.RemoteAnswer;
import dev.cpq.quote.authority.entity.ServiceLocations;
import dev.cpq.quote.submission.entity.PublicationHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link PublicationHistory} asked of catalog- and pricing-service (their databases), with the caller's
 * token; anything but a clear answer is unavailability (the reconciliation is run again later).
 */
@ApplicationScoped
public class OwnersPublicationHistory implements PublicationHistory {

    private ServiceLocations locations;
    private ServiceClient remote;

    protected OwnersPublicationHistory() {}

    @Inject
    public OwnersPublicationHistory(ServiceLocations locations, ServiceClient remote) {
        this.locations = locations;
        this.remote = remote;
    }

    @Override
    public Optional<Instant> catalogPublishedAfter(long catalogVersion) {
        JsonNode versions = ok("catalog", remote.get("catalog", locations.catalogVersions()));
        Optional<Instant> first = Optional.empty();
        for (JsonNode v : versions.isArray() ? versions : versions.path("items")) {
            JsonNode published = v.path("publishedAt");
            if (v.path("catalogVersion").asLong() > catalogVersion && published.isTextual()) {
                Instant at = Instant.parse(published.asText());
                first = first.filter(f -> !f.isAfter(at)).or(() -> Optional.of(at));
            }
        }
        return first;
    }

    @Override
    public Optional<Instant> priceListPublishedAfter(String priceListId, long priceListVersion) {
        return newer(ok("pricing", remote.get("pricing", locations.activePriceListVersion(priceListId, priceListVersion))));
    }

    @Override
    public Optional<Instant> approvalPolicyPublishedAfter(long policyVersion) {
        return newer(ok("pricing", remote.get("pricing", locations.approvalPolicySince(policyVersion))));
    }

    private static Optional<Instant> newer(JsonNode body) {
        JsonNode at = body.path("newerVersionPublishedAt");
        return at.isTextual() ? Optional.of(Instant.parse(at.asText())) : Optional.empty();
    }

    private JsonNode ok(String service, RemoteAnswer answer) {
        if (answer.status() != 200) {
            throw remote.unavailable(service, "answered HTTP " + answer.status() + " for publication times", null);
        }
        return answer.body();
    }
}
