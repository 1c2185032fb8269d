package dev.cpq.platform.cache.entity;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.platform.problem.entity.InvalidRequestException;
import java.util.Arrays;

/** A flush must name one of the suite's cache domains by its key segment. */
public class UnknownCacheDomainException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    public UnknownCacheDomainException(String domain) {
        super("domain", "unknown cache domain '" + domain + "'; known: "
                + String.join(", ", Arrays.stream(CacheDomain.values()).map(CacheDomain::segment).toList()));
    }
}
