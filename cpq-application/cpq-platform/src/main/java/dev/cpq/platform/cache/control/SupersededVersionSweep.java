package dev.cpq.platform.cache.control;

import dev.cpq.cache.invalidation.SupersededVersionCleanup;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.redis.RedisUnavailableException;
import dev.cpq.platform.config.entity.OwnedCacheDomains;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every ten minutes, removes cached payloads of versions older than each pointer's previous version,
 * for the domains this service owns; bounded per version line, never on a request path. A
 * non-persistent timer: a missed run is simply the next run's work.
 */
@Singleton
public class SupersededVersionSweep {

    private static final Logger LOG = Logger.getLogger(SupersededVersionSweep.class.getName());
    private static final int BATCH = 500;
    private static final long MAX_KEYS_PER_LINE = 20_000;

    @Inject
    SupersededVersionCleanup cleanup;

    @Inject
    OwnedCacheDomains owned;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void sweep() {
        for (CacheDomain domain : owned.domains()) {
            try {
                long removed = cleanup.sweepDomain(domain, BATCH, MAX_KEYS_PER_LINE);
                if (removed > 0) {
                    LOG.info(() -> "removed " + removed + " cached entries of superseded " + domain.segment() + " versions");
                }
            } catch (RedisUnavailableException e) {
                LOG.log(Level.FINE, "Redis unavailable; superseded " + domain.segment() + " versions stay until the next run", e);
            }
        }
    }
}
