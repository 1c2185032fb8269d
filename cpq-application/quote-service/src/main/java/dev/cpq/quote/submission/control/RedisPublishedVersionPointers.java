package dev.cpq.quote.submission.control;

import dev.cpq.events.cache.ApprovalPolicyCacheKeys;
import dev.cpq.events.cache.CatalogCacheKeys;
import dev.cpq.events.cache.PriceListCacheKeys;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.quote.submission.entity.PublishedVersionPointers;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The three pointers from Redis in one round trip. A Redis that does not answer (down, paused, an error
 * reply) yields UNKNOWN: the command then commits on its database validation alone, as it would without
 * the pointers; Redis can make a decision stricter, never looser. Counted as
 * {@code cpq_quote_version_watch_unavailable_total}.
 */
@ApplicationScoped
public class RedisPublishedVersionPointers implements PublishedVersionPointers {

    private static final Logger LOG = Logger.getLogger(RedisPublishedVersionPointers.class.getName());

    private ActiveVersionPointer pointer;
    private TenantContext tenant;
    private MeterRegistry registry;

    protected RedisPublishedVersionPointers() {}

    @Inject
    public RedisPublishedVersionPointers(ActiveVersionPointer pointer, TenantContext tenant, MeterRegistry registry) {
        this.pointer = pointer;
        this.tenant = tenant;
        this.registry = registry;
    }

    @Override
    public Pointers now(String priceListId) {
        String t = tenant.tenant().value();
        try {
            List<OptionalLong> now = pointer.current(List.of(CatalogCacheKeys.line(t), PriceListCacheKeys.line(t, priceListId),
                    ApprovalPolicyCacheKeys.line(t)));
            return new Pointers(now.get(0), now.get(1), now.get(2));
        } catch (RuntimeException e) {
            registry.counter("cpq.quote.version.watch.unavailable").increment();
            LOG.log(Level.FINE, "version pointers unreadable; the database validation alone decides", e);
            return Pointers.UNKNOWN;
        }
    }
}
