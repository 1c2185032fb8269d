package dev.cpq.platform.precondition.boundary;

import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.precondition.entity.VersionConflictException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import java.util.Locale;

/**
 * A lost race between a command's version check and its commit (EclipseLink's optimistic lock at
 * flush or commit) is the same 412 as a stale If-Match, never a 500. Used by the mappers of the
 * exception types the race can surface as.
 */
public final class OptimisticLockMappers {

    private OptimisticLockMappers() {}

    static OptimisticLockException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException o) {
                return o;
            }
        }
        return null;
    }

    static Response conflict(OptimisticLockException e, HttpHeaders headers, Providers providers) {
        String aggregate = e.getEntity() == null ? "AGGREGATE"
                : e.getEntity().getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        Long expected = null;
        try {
            expected = ExpectedVersion.fromIfMatch(headers.getHeaderString(HttpHeaders.IF_MATCH)).value();
        } catch (RuntimeException ignored) {
            // no usable If-Match: the conflict is reported without it
        }
        VersionConflictException conflict = new VersionConflictException(aggregate, expected, null);
        return providers.getExceptionMapper(VersionConflictException.class).toResponse(conflict);
    }

    /** {@code OptimisticLockException} thrown inside the transaction (at flush). */
    @jakarta.ws.rs.ext.Provider
    public static class AtFlush implements ExceptionMapper<OptimisticLockException> {

        @Context
        HttpHeaders headers;

        @Context
        Providers providers;

        @Override
        public Response toResponse(OptimisticLockException e) {
            return conflict(e, headers, providers);
        }
    }

    /** The same race detected at commit, wrapped by the {@code @Transactional} interceptor. */
    @jakarta.ws.rs.ext.Provider
    public static class AtCommit implements ExceptionMapper<jakarta.transaction.TransactionalException> {

        @Context
        HttpHeaders headers;

        @Context
        Providers providers;

        @Override
        public Response toResponse(jakarta.transaction.TransactionalException e) {
            OptimisticLockException lock = find(e);
            if (lock != null) {
                return conflict(lock, headers, providers);
            }
            return providers.getExceptionMapper(Throwable.class).toResponse(e);
        }
    }
}
