package dev.cpq.catalog.version.boundary;

import dev.cpq.catalog.core.entity.Catalog;
import dev.cpq.platform.security.boundary.AcceptsServiceIdentity;
import dev.cpq.catalog.version.control.CatalogVersionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** {@code GET /active-version}: the tenant's active catalog version, read from the database, never Redis. */
@Path("active-version")
@ApplicationScoped
public class ActiveVersionResource {

    private CatalogVersionQueries queries;

    protected ActiveVersionResource() {}

    @Inject
    public ActiveVersionResource(CatalogVersionQueries queries) {
        this.queries = queries;
    }

    public record ActiveVersionView(long catalogVersion, String status, Instant publishedAt) {}

    @AcceptsServiceIdentity
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ActiveVersionView activeVersion() {
        Catalog active = queries.activeCatalog();
        return new ActiveVersionView(active.version().sequence(), active.status().name(), active.publishedAt().orElse(null));
    }
}
