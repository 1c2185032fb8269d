package dev.cpq.quote.drafting.control;

import dev.cpq.quote.authority.entity.CatalogAuthority;
import dev.cpq.quote.authority.entity.ConfigurationChoice;
import dev.cpq.quote.authority.entity.LinesVerdict;
import dev.cpq.quote.authority.entity.ConfigurationVerdict;
import dev.cpq.quote.drafting.entity.ConfigurationInvalidException;
import dev.cpq.quote.core.entity.LineChoice;
import dev.cpq.quote.core.entity.QuoteLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates chosen lines with catalog-service, outside any transaction, in one call: catalog validates
 * them all on its active catalog version (it may use its cached rule graph: fine while drafting), so all
 * lines of a revision are configured on one catalog version.
 */
@ApplicationScoped
public class LineConfiguring {

    /** The validated lines and the catalog version they were validated on. */
    public record Configured(List<QuoteLine> lines, long catalogVersion) {}

    private CatalogAuthority catalog;

    protected LineConfiguring() {}

    @Inject
    public LineConfiguring(CatalogAuthority catalog) {
        this.catalog = catalog;
    }

    /** @throws ConfigurationInvalidException with every violation of every line (nothing is stored) */
    public Configured configure(List<LineChoice> choices) {
        LinesVerdict answer = catalog.validateLines(choices.stream().map(c -> new ConfigurationChoice(c.offeringId(), c.options())).toList(), null).get();
        List<QuoteLine> lines = new ArrayList<>(choices.size());
        List<Map<String, Object>> violations = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            LineChoice choice = choices.get(i);
            ConfigurationVerdict verdict = answer.lines().get(i);
            if (!verdict.valid()) {
                for (ConfigurationVerdict.Violation v : verdict.violations()) {
                    Map<String, Object> violation = new LinkedHashMap<>();
                    violation.put("lineIndex", i);
                    violation.put("offeringId", choice.offeringId());
                    violation.put("code", v.code());
                    violation.put("option", v.option());
                    violation.put("message", v.message());
                    violations.add(violation);
                }
                if (verdict.violations().isEmpty()) {
                    violations.add(Map.of("lineIndex", i, "offeringId", choice.offeringId(), "code", "INVALID"));
                }
            } else {
                lines.add(choice.configured(verdict.configurationHash()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ConfigurationInvalidException(violations);
        }
        return new Configured(lines, answer.catalogVersion());
    }
}
