package dev.cpq.platform.remote.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberate refusal of another service (catalog, pricing, ...) (a 4xx with a problem code), answered to the$
 * caller as a stable 4xx: retrying the same request cannot change it, so it is never a 503.
 * <ul>
 * <li>409, 412 and 422 keep their status and code (a state, a precondition, a rule; pricing's 409
 * {@code CATALOG_VERSION_STALE} tells what to do); 401, 403 and 429 refuse the caller, not the command:
 * {@link RemoteCallerRefusalException};</li>
 * <li>404 becomes 422: the quote exists, what it refers to (an offering, a price list) does not; except
 * "no catalog published", a state: 409;</li>
 * <li>any other 4xx (400 and the like: the owner refuses the input quote sent it, e.g. a currency it cannot
 * price) becomes 422 {@code CATALOG_REQUEST_INVALID} / {@code PRICING_REQUEST_INVALID}: what the quote holds
 * must change; the owner's code is kept as {@code dependencyCode} and its {@code violations} are passed on.</li>
 * </ul>
 */
public class RemoteProblemException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final Map<String, Object> extensions;

    /** @param service {@code catalog} or {@code pricing}, the owner that refused */
    public RemoteProblemException(String service, int status, String code, String detail, Map<String, Object> extensions) {
        super(detail);
        this.extensions = new LinkedHashMap<>(extensions);
        switch (status) {
            case 409, 412, 422 -> {
                this.status = status;
                this.code = code;
            }
            case 404 -> {
                this.status = "CATALOG_NOT_PUBLISHED".equals(code) ? 409 : 422;
                this.code = code;
            }
            default -> {
                this.status = 422;
                this.code = service.toUpperCase(Locale.ROOT) + "_REQUEST_INVALID";
                this.extensions.put("dependencyCode", code);
                this.extensions.put("dependencyStatus", status);
                this.extensions.putIfAbsent("remediation", "What the quote holds is refused by " + service + "-service (see dependencyCode"
                        + " and violations); retrying the same request will not help: change the quote, or open a new one.");
            }
        }
    }

    /** A refusal of catalog-service (the owner most refusals come from; pricing's name themselves through the other constructor). */
    public RemoteProblemException(int status, String code, String detail, Map<String, Object> extensions) {
        this("catalog", status, code, detail, extensions);
    }

    public String code() {
        return code;
    }

    @Override
    public Problem problem() {
        Problem p = Problem.of(code, status, "Refused by a dependency", getMessage());
        for (Map.Entry<String, Object> e : extensions.entrySet()) {
            p = p.with(e.getKey(), e.getValue());
        }
        return p;
    }
}
