package dev.cpq.platform.metrics.boundary;

import dev.cpq.platform.config.control.ServiceConfiguration;
import dev.cpq.platform.security.entity.InvalidTokenException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics}: every meter of this service in Prometheus text format, for the scraper only.
 * Series are labelled by tenant (cache hits, loads), and one tenant must not learn another's id, so the
 * endpoint asks for the deployment's scrape token ({@code Authorization: Bearer <token>}, configured as
 * {@link ServiceConfiguration#METRICS_SCRAPE_TOKEN_FILE}) instead of a user's JWT; without one configured,
 * nobody reads it. A wrong or missing token is the API's 401 problem.
 */
@Path("metrics")
@ApplicationScoped
@PermitAll
public class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String BEARER = "Bearer ";

    private PrometheusMeterRegistry registry;
    private Optional<byte[]> scrapeToken;

    protected MetricsResource() {}

    @Inject
    public MetricsResource(PrometheusMeterRegistry registry, ServiceConfiguration configuration) {
        this(registry, configuration.metricsScrapeTokenFile().map(file -> {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the metrics scrape token " + file, e);
            }
        }));
    }

    /** For tests: the scrape token itself, or none. */
    public MetricsResource(PrometheusMeterRegistry registry, Optional<String> scrapeToken) {
        this.registry = registry;
        this.scrapeToken = scrapeToken.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String scrape(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!presentsScrapeToken(authorization)) {
            throw new InvalidTokenException("Metrics are read with the deployment's scrape token.");
        }
        return registry.scrape();
    }

    private boolean presentsScrapeToken(String authorization) {
        if (scrapeToken.isEmpty() || authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, scrapeToken.get());
    }
}
