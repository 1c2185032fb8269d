package dev.cpq.quote.authority.control;

import dev.cpq.platform.remote.control.ServiceClient;
import dev.cpq.platform.remote.entity.RemoteAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.quote.authority.entity.CatalogAuthority;
import dev.cpq.quote.authority.entity.ConfigurationChoice;
import dev.cpq.quote.authority.entity.ConfigurationVerdict;
import dev.cpq.quote.authority.entity.LinesVerdict;
import dev.cpq.quote.authority.entity.Pending;
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
    private ServiceClient remote;

    protected CatalogServiceClient() {}

    @Inject
    public CatalogServiceClient(ServiceLocations locations, ServiceClient remote) {
        this.locations = locations;
        this.remote = remote;
    }

    @Override
    public Pending<LinesVerdict> validateLines(List<ConfigurationChoice> lines, Long catalogVersion) {
        List<Map<String, Object>> asked = new ArrayList<>(lines.size());
        for (ConfigurationChoice line : lines) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("offeringId", line.offeringId());
            one.put("options", line.options());
            asked.add(one);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", asked);
        if (catalogVersion != null) {
            body.put("catalogVersion", catalogVersion);
        }
        return Pending.of(remote.postAsync(SERVICE, locations.configurationValidation(), body).thenApply(answer -> {
            if (answer.status() != 200) {
                throw remote.refusal(SERVICE, answer);
            }
            return linesVerdict(answer.body(), lines.size());
        }));
    }

    /** What an answer of {@code POST /configurations/validate} with {@code lines} means (package-private for tests). */
    LinesVerdict linesVerdict(JsonNode body, int lineCount) {
        JsonNode lines = body.path("lines");
        if (!lines.isArray() || lines.size() != lineCount) {
            throw remote.unavailable(SERVICE, "answered a validation without a verdict per line", null);
        }
        List<ConfigurationVerdict> verdicts = new ArrayList<>(lineCount);
        for (JsonNode line : lines) {
            verdicts.add(verdict(line));
        }
        JsonNode active = body.path("activeCatalogVersion");
        return new LinesVerdict(positive(body.path("catalogVersion"), "catalogVersion"),
                active.isNull() || active.isMissingNode() ? OptionalLong.empty() : OptionalLong.of(positive(active, "activeCatalogVersion")), verdicts);
    }

    /** One line's verdict (package-private for tests). */
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
