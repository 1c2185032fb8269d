package dev.cpq.pricing.calculation.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.platform.remote.control.ServiceClient;
import dev.cpq.platform.remote.entity.OutgoingCredentials;
import dev.cpq.platform.remote.entity.RemoteAnswer;
import dev.cpq.pricing.calculation.entity.CatalogLocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * Asks catalog-service which catalog version is active for the caller's tenant ({@code GET
 * /active-version}, answered from its database) through the platform's {@link ServiceClient}: with the
 * caller's own bearer token (the catalog scopes the answer by its tenant), the request id, and the
 * internal-call mark, so catalog does not count the caller twice against its rate limit. Anything but a
 * clear answer is 503 {@code CATALOG_UNAVAILABLE}, never a guess.
 */
@ApplicationScoped
public class CatalogServiceClient {

    static final String TARGET = "catalog";

    private CatalogLocation location;
    private ServiceClient remote;

    protected CatalogServiceClient() {}

    @Inject
    public CatalogServiceClient(CatalogLocation location, ServiceClient remote) {
        this.location = location;
        this.remote = remote;
    }

    /** The credentials of the request being served, to ask with later ({@link #activeVersion}). */
    public OutgoingCredentials credentialsNow() {
        return remote.credentialsNow();
    }

    /**
     * @param from the credentials of the request being served, taken on its thread
     * @return the active version; empty when the tenant has published none
     */
    public OptionalLong activeVersion(OutgoingCredentials from) {
        return interpret(remote.get(TARGET, location.activeVersion(), from));
    }

    /** What an answer of {@code GET /active-version} means (package-private for tests). */
    OptionalLong interpret(int status, String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? remote.json().missingNode() : remote.json().readTree(body);
        } catch (IOException e) {
            json = remote.json().missingNode();
        }
        return interpret(new RemoteAnswer(status, json));
    }

    private OptionalLong interpret(RemoteAnswer answer) {
        if (answer.status() == 200) {
            JsonNode version = answer.body().path("catalogVersion");
            if (!version.canConvertToLong() || !version.isIntegralNumber() || version.asLong() < 1) {
                throw remote.unavailable(TARGET, "answered without a valid catalogVersion", null);
            }
            return OptionalLong.of(version.asLong());
        }
        // nothing published: 409 by contract; 404 CATALOG_NOT_PUBLISHED as catalog-service answers today
        if (answer.status() == 409 || answer.status() == 404 && "CATALOG_NOT_PUBLISHED".equals(answer.code())) {
            return OptionalLong.empty();
        }
        if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 401 && answer.status() != 403 && answer.status() != 429) {
            // pricing asks only for the active version: no input of the caller's can make catalog refuse it
            throw remote.unavailable(TARGET, "answered HTTP " + answer.status(), null);
        }
        throw remote.refusal(TARGET, answer);
    }
}
