package dev.cpq.quote.authority.entity;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where the two authorities a quote depends on answer: catalog-service (configurations, the active
 * catalog version) and pricing-service (calculations, active price list versions, the approval policy).
 */
public record ServiceLocations(URI catalog, URI pricing) {

    public static final String CATALOG_PROPERTY = "cpq.catalog.base-url";
    public static final String CATALOG_DEFAULT = "http://127.0.0.1:18080/catalog/api";
    public static final String PRICING_PROPERTY = "cpq.pricing.base-url";
    public static final String PRICING_DEFAULT = "http://127.0.0.1:18080/pricing/api";

    public ServiceLocations {
        requireHttp(CATALOG_PROPERTY, catalog);
        requireHttp(PRICING_PROPERTY, pricing);
    }

    /** @throws IllegalArgumentException when a setting is no absolute http(s) URL (the deployment then fails) */
    public static ServiceLocations of(String catalogBaseUrl, String pricingBaseUrl) {
        return new ServiceLocations(base(catalogBaseUrl, CATALOG_DEFAULT), base(pricingBaseUrl, PRICING_DEFAULT));
    }

    /** Read from GlassFish system properties, like the platform's {@code cpq.*} settings. */
    public static ServiceLocations fromSystemProperties() {
        return of(System.getProperty(CATALOG_PROPERTY), System.getProperty(PRICING_PROPERTY));
    }

    public URI configurationValidation() {
        return URI.create(catalog + "/configurations/validate");
    }

    public URI priceCalculations() {
        return URI.create(pricing + "/price-calculations");
    }

    /** The active version, and when the first version newer than {@code pricedOnVersion} was published. */
    public URI activePriceListVersion(String priceListId, long pricedOnVersion) {
        return URI.create(pricing + "/price-lists/" + URLEncoder.encode(priceListId, StandardCharsets.UTF_8) + "/active-version?since="
                + pricedOnVersion);
    }

    public URI priceListScopes(String priceListId) {
        return URI.create(pricing + "/price-lists/" + URLEncoder.encode(priceListId, StandardCharsets.UTF_8) + "/scopes");
    }

    public URI approvalPolicy() {
        return URI.create(pricing + "/approval-policy");
    }

    /** The policy in force, and when the first version newer than {@code version} was published. */
    public URI approvalPolicySince(long version) {
        return URI.create(pricing + "/approval-policy?since=" + version);
    }

    /** Every catalog version with its publication time. */
    public URI catalogVersions() {
        return URI.create(catalog + "/catalog-versions");
    }

    private static URI base(String value, String fallback) {
        String url = value == null || value.isBlank() ? fallback : value.trim();
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    private static void requireHttp(String property, URI uri) {
        Objects.requireNonNull(uri, property);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(property + " must be an absolute http(s) URL: " + uri);
        }
    }
}
