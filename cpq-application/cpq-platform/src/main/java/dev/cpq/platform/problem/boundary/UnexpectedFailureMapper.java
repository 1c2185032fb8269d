package dev.cpq.platform.problem.boundary;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.TransientDatabaseFailure;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last line: anything nobody anticipated, except a database that cannot be reached right now (a retryable
 * 503 {@code DATABASE_UNAVAILABLE}, see {@link TransientDatabaseFailure}). The stack trace goes to the server log under an incident id;
 * the client gets that id and nothing of the internals.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        if (TransientDatabaseFailure.isCauseOf(e)) {
            // an outage, not a defect: one line, and the client's retry is welcome
            LOG.warning(() -> "database unavailable on " + (uriInfo == null ? "?" : uriInfo.getRequestUri()) + ": " + e + "; at the root: "
                    + rootCause(e));
            return ProblemResponses.builder(TransientDatabaseFailure.problem(), uriInfo)
                    .header("Retry-After", TransientDatabaseFailure.RETRY_AFTER_SECONDS).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, e, () -> "incident " + incident + " on " + (uriInfo == null ? "?" : uriInfo.getRequestUri()));
        Problem problem = Problem.of("INTERNAL_ERROR", 500, "Internal error",
                        "The service failed unexpectedly; quote the incident id when reporting it.")
                .with("incidentId", incident);
        return ProblemResponses.of(problem, uriInfo);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root;
    }
}
