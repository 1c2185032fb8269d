package dev.cpq.catalog.core.entity;

import dev.cpq.platform.problem.entity.InvalidRequestException;

/** A rule names an option value that no offering of the family defines in this draft. */
public class UnknownRuleOptionException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    public UnknownRuleOptionException(String family, OptionValue value) {
        super("rules", "no offering of family " + family + " in this draft has option value " + value
                + " (PUT the offerings before their rules)");
    }
}
