package dev.cpq.platform.cache.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.Map;

/**
 * An operator's cache command could not reach Redis (down, hung, or unable to serve). Nothing to fix in
 * the request: 503, retry once Redis serves again. Reads meanwhile answer from the databases.
 */
public class CacheUnavailableException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public CacheUnavailableException(String domain, Throwable cause) {
        super("Redis could not be reached to flush the '" + domain + "' domain; some of its keys may already be gone", cause);
    }

    @Override
    public Problem problem() {
        return Problem.of("CACHE_UNAVAILABLE", 503, "Cache unavailable", getMessage())
                .with("remediation", "Retry once Redis is healthy again (GET /health); reads meanwhile answer from the databases.");
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "2");
    }
}
