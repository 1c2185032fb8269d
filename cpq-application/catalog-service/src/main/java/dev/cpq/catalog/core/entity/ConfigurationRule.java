package dev.cpq.catalog.core.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code when} REQUIRES / EXCLUDES {@code then}, between values of options of one offering family. */
public record ConfigurationRule(RuleKind kind, OptionValue when, OptionValue then) {

    public ConfigurationRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(then, "then");
        if (when.option().equals(then.option())) {
            throw new IllegalArgumentException("a rule relates two different options, not " + when.option() + " to itself");
        }
    }

    /** A rule as an editor sent it: {@code when} requires (or excludes) {@code then}. */
    public record Proposed(OptionValue when, OptionValue then) {}

    /**
     * The rules an editor proposes for a family, checked as a whole: each relates two different options,
     * and no pair is both required and excluded (an exclusion holds both ways, so {@code a requires b}
     * contradicts {@code b excludes a} too: such a configuration could never be valid).
     *
     * @throws InvalidDraftContentException naming every offending {@code requires[i]} and {@code excludes[j]}
     */
    public static List<ConfigurationRule> listOf(List<Proposed> requires, List<Proposed> excludes) {
        List<InvalidDraftContentException.Violation> violations = new ArrayList<>();
        selfRelating("requires", requires, violations);
        selfRelating("excludes", excludes, violations);
        // each contradicting rule is named once, with its first counterpart: the answer stays as small as the request
        boolean[] excludedNamed = new boolean[excludes.size()];
        for (int i = 0; i < requires.size(); i++) {
            Proposed required = requires.get(i);
            boolean requiredNamed = false;
            for (int j = 0; j < excludes.size(); j++) {
                Proposed excluded = excludes.get(j);
                if (relatesTheSamePair(required, excluded)) {
                    String pair = required.when() + " and " + required.then();
                    if (!requiredNamed) {
                        violations.add(new InvalidDraftContentException.Violation("requires[" + i + "]",
                                pair + " are both required (here) and excluded (excludes[" + j + "])"));
                        requiredNamed = true;
                    }
                    if (!excludedNamed[j]) {
                        violations.add(new InvalidDraftContentException.Violation("excludes[" + j + "]",
                                pair + " are both excluded (here) and required (requires[" + i + "])"));
                        excludedNamed[j] = true;
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidDraftContentException(violations);
        }
        List<ConfigurationRule> rules = new ArrayList<>();
        requires.forEach(r -> rules.add(new ConfigurationRule(RuleKind.REQUIRES, r.when(), r.then())));
        excludes.forEach(r -> rules.add(new ConfigurationRule(RuleKind.EXCLUDES, r.when(), r.then())));
        return List.copyOf(rules);
    }

    private static void selfRelating(String list, List<Proposed> proposed, List<InvalidDraftContentException.Violation> violations) {
        for (int i = 0; i < proposed.size(); i++) {
            Proposed p = proposed.get(i);
            if (p.when().option().equals(p.then().option())) {
                violations.add(new InvalidDraftContentException.Violation(list + "[" + i + "]",
                        "a rule relates two different options, not " + p.when().option() + " to itself"));
            }
        }
    }

    private static boolean relatesTheSamePair(Proposed required, Proposed excluded) {
        return required.when().equals(excluded.when()) && required.then().equals(excluded.then())
                || required.when().equals(excluded.then()) && required.then().equals(excluded.when());
    }
}
