package dev.cpq.quote.authority.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deliberate refusal of catalog- or pricing-service passed through with its code and details (for
 * example pricing's 409 {@code CATALOG_VERSION_STALE}). A remote 404 becomes 422: the quote exists, what
 * it refers to (an offering, a price list) does not; except "no catalog published", a state: 409.
 */
public class RemoteProblemException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final Map<String, Object> extensions;

    public RemoteProblemException(int status, String code, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status != 404 ? status : "CATALOG_NOT_PUBLISHED".equals(code) ? 409 : 422;
        this.code = code;
        this.extensions = new LinkedHashMap<>(extensions);
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
