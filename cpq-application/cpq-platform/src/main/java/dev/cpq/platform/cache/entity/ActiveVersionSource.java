package dev.cpq.platform.cache.entity;

import java.util.List;

/**
 * What a service's database says is active, per cache version line of the caller's tenant. Each
 * service produces one for the domains whose pointers it owns; {@code GET /ops/cache/pointers}
 * compares them with the Redis pointers.
 */
public interface ActiveVersionSource {

    List<AuthoritativeVersion> activeVersions();
}
