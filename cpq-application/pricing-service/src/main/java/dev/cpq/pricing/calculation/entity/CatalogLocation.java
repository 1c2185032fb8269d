package dev.cpq.pricing.calculation.entity;

import java.net.URI;
import java.util.Objects;

/** Where the catalog service's API is: the authority on which catalog version is active. */
public record CatalogLocation(URI baseUrl) {

    public static final String PROPERTY = "cpq.catalog.base-url";
    public static final String DEFAULT = "http://127.0.0.1:18080/catalog/api";

    public CatalogLocation {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(PROPERTY + " must be an absolute http(s) URL: " + baseUrl);
        }
    }

    /** @throws IllegalArgumentException when the setting is no absolute http(s) URL (the deployment then fails) */
    public static CatalogLocation of(String baseUrl) {
        String url = baseUrl == null || baseUrl.isBlank() ? DEFAULT : baseUrl.trim();
        return new CatalogLocation(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
    }

    /** {@code GET} answers {@code {"catalogVersion": n}} for the caller's tenant. */
    public URI activeVersion() {
        return URI.create(baseUrl + "/active-version");
    }
}
