package dev.cpq.quote.authority.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.quote.authority.entity.CatalogAuthority;
import dev.cpq.quote.authority.entity.ConfigurationVerdict;
import dev.cpq.quote.authority.entity.ServiceLocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** {@link CatalogAuthority} over catalog-service's HTTP API. */
@ApplicationScoped
public class CatalogServiceClient implements CatalogAuthority {

    static final String SERVICE = "catalog";

    private ServiceLocations locations;
    private RemoteCalls remote;

    protected CatalogServiceClient() {}

    @Inject
    public CatalogServiceClient(ServiceLocations locations, RemoteCalls remote) {
        this.locations = locations;
        this.remote = remote;
    }

    @Override
    public ConfigurationVerdict validate(String offeringId, Map<String, String> options, Long catalogVersion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offeringId", offeringId);
        body.put("options", options);
        if (catalogVersion != null) {
            body.put("catalogVersion", catalogVersion);
        }
        RemoteCalls.Answer answer = remote.post(SERVICE, locations.configurationValidation(), body);
        if (answer.status() != 200) {
            throw remote.refusal(SERVICE, answer);
        }
        return verdict(answer.body());
    }

    @Override
    public OptionalLong activeCatalogVersion() {
        RemoteCalls.Answer answer = remote.get(SERVICE, locations.activeCatalogVersion());
        if (answer.status() == 200) {
            return OptionalLong.of(positive(answer.body().path("catalogVersion"), "catalogVersion"));
        }
        // nothing published: 409 by contract, 404 CATALOG_NOT_PUBLISHED as catalog-service answers today
        if (answer.status() == 409 || answer.status() == 404 && "CATALOG_NOT_PUBLISHED".equals(answer.code())) {
            return OptionalLong.empty();
        }
        throw remote.unavailable(SERVICE, "answered HTTP " + answer.status() + " for the active version", null);
    }

    /** What an answer of {@code POST /configurations/validate} means (package-private for tests). */
    ConfigurationVerdict verdict(JsonNode body) {
        JsonNode valid = body.path("valid");
        JsonNode hash = body.path("configurationHash");
        if (!valid.isBoolean() || !hash.isTextual() || !hash.asText().startsWith("cfg-sha256:")) {
            throw remote.unavailable(SERVICE, "answered a validation without valid/configurationHash", null);
        }
        List<ConfigurationVerdict.Violation> violations = new ArrayList<>();
        for (JsonNode v : body.path("violations")) {
            violations.add(new ConfigurationVerdict.Violation(v.path("code").asText(null), v.path("option").asText(null),
                    v.path("message").asText(null)));
        }
        return new ConfigurationVerdict(valid.asBoolean(), violations, hash.asText(), positive(body.path("catalogVersion"), "catalogVersion"));
    }

    private long positive(JsonNode n, String field) {
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 1) {
            throw remote.unavailable(SERVICE, "answered without a valid " + field, null);
        }
        return n.asLong();
    }
}
