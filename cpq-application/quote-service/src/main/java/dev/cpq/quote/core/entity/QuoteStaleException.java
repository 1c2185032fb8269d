package dev.cpq.quote.core.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a quote was built on is no longer acceptable: 409 {@code CATALOG_VERSION_STALE},
 * {@code CONFIGURATION_STALE} or {@code QUOTE_PRICING_STALE}, always with a {@code remediation}.
 * Deterministic: the same facts give the same refusal.
 */
public class QuoteStaleException extends ProblemException {

    public static final String CATALOG_VERSION_STALE = "CATALOG_VERSION_STALE";
    public static final String CONFIGURATION_STALE = "CONFIGURATION_STALE";
    public static final String QUOTE_PRICING_STALE = "QUOTE_PRICING_STALE";

    private static final long serialVersionUID = 1L;
    private final String code;
    private final String remediation;
    private final Map<String, Object> details;

    public QuoteStaleException(String code, String detail, String remediation, Map<String, Object> details) {
        super(detail);
        this.code = code;
        this.remediation = remediation;
        this.details = new LinkedHashMap<>(details);
    }

    public String code() {
        return code;
    }

    @Override
    public Problem problem() {
        Problem p = Problem.of(code, 409, "Quote data is stale", getMessage());
        for (Map.Entry<String, Object> e : details.entrySet()) {
            p = p.with(e.getKey(), e.getValue());
        }
        return p.with("remediation", remediation);
    }
}
