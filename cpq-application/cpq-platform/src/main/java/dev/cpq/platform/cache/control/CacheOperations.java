package dev.cpq.platform.cache.control;

import dev.cpq.cache.invalidation.CacheInvalidation;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.cache.redis.RedisUnavailableException;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.cache.entity.ActiveVersionSource;
import dev.cpq.platform.cache.entity.AuthoritativeVersion;
import dev.cpq.platform.cache.entity.CacheUnavailableException;
import dev.cpq.platform.cache.entity.PointerReport;
import dev.cpq.platform.cache.entity.UnknownCacheDomainException;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Operators' view of the cache: pointers against the database, and flushing one domain of their tenant. */
@ApplicationScoped
public class CacheOperations {

    public static final String FLUSH = "cache.flush";

    private Instance<ActiveVersionSource> sources;
    private ActiveVersionPointer pointer;
    private CacheInvalidation invalidation;
    private TenantContext tenant;
    private AuditTrail audit;

    protected CacheOperations() {}

    @Inject
    public CacheOperations(Instance<ActiveVersionSource> sources, ActiveVersionPointer pointer, CacheInvalidation invalidation,
            TenantContext tenant, AuditTrail audit) {
        this.sources = sources;
        this.pointer = pointer;
        this.invalidation = invalidation;
        this.tenant = tenant;
        this.audit = audit;
    }

    public List<PointerReport> pointers() {
        List<PointerReport> reports = new ArrayList<>();
        for (ActiveVersionSource source : sources) {
            for (AuthoritativeVersion v : source.activeVersions()) {
                reports.add(report(v));
            }
        }
        return reports;
    }

    private PointerReport report(AuthoritativeVersion v) {
        VersionLine line = v.line();
        Long database = v.databaseVersion().isPresent() ? v.databaseVersion().getAsLong() : null;
        try {
            Map<String, String> state = pointer.describe(line);
            Long current = number(state.get("current"));
            return PointerReport.of(line.domain().segment(), line.scope().orElse(null), current, number(state.get("previous")),
                    movedAt(state.get("moved_at")), database);
        } catch (RedisUnavailableException e) {
            return PointerReport.redisUnavailable(line.domain().segment(), line.scope().orElse(null), database, e.getMessage());
        }
    }

    private static String movedAt(String epochMillis) {
        return epochMillis == null || epochMillis.isEmpty() ? null : java.time.Instant.ofEpochMilli(Long.parseLong(epochMillis)).toString();
    }

    private static Long number(String s) {
        return s == null || s.isEmpty() ? null : Long.valueOf(s);
    }

    /**
     * Deletes the domain's keys of the caller's tenant (pointers included: the next read asks the database).
     * Redis unavailable is the operator's retryable 503, not an incident.
     */
    @Transactional
    public long flush(String domainSegment) {
        CacheDomain domain = Arrays.stream(CacheDomain.values()).filter(d -> d.segment().equals(domainSegment)).findFirst()
                .orElseThrow(() -> new UnknownCacheDomainException(domainSegment));
        long removed;
        try {
            removed = invalidation.flush(tenant.tenant().value(), domain, 500);
        } catch (RedisUnavailableException e) {
            throw new CacheUnavailableException(domain.segment(), e);
        }
        audit.succeeded(new AuditedChange("CacheDomain", domain.segment(), FLUSH, null, null, null, null));
        return removed;
    }
}
