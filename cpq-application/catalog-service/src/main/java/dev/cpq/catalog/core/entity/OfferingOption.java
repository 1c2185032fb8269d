package dev.cpq.catalog.core.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** A configurable option of an offering: its code, the values it may take, and whether it must be chosen. */
public record OfferingOption(String code, List<String> values, boolean required) {

    public OfferingOption {
        Objects.requireNonNull(code, "code");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("option " + code + " has no values");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("option " + code + " lists a value twice");
        }
    }

    /**
     * The options an editor proposes for an offering, checked as a whole: codes and, within an option,
     * values must differ beyond letter case (a configuration naming {@code Speed} or {@code 1g} must not be
     * read as another option or value than the one meant).
     *
     * @throws InvalidDraftContentException naming every offending {@code options[i].code} and {@code options[i].values[j]}
     */
    public static List<OfferingOption> listOf(List<Proposed> proposed) {
        List<InvalidDraftContentException.Violation> violations = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < proposed.size(); i++) {
            Proposed option = proposed.get(i);
            Integer earlier = codes.putIfAbsent(caseless(option.code()), i);
            if (earlier != null) {
                violations.add(new InvalidDraftContentException.Violation("options[" + i + "].code", "option code " + option.code()
                        + " repeats options[" + earlier + "].code " + proposed.get(earlier).code() + " (codes must differ beyond letter case)"));
            }
            Map<String, Integer> values = new HashMap<>();
            for (int j = 0; j < option.values().size(); j++) {
                Integer same = values.putIfAbsent(caseless(option.values().get(j)), j);
                if (same != null) {
                    violations.add(new InvalidDraftContentException.Violation("options[" + i + "].values[" + j + "]", "value "
                            + option.values().get(j) + " repeats values[" + same + "] of option " + option.code()
                            + " (values must differ beyond letter case)"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidDraftContentException(violations);
        }
        return proposed.stream().map(p -> new OfferingOption(p.code(), p.values(), p.required())).toList();
    }

    /** An option as an editor sent it, each part already well-formed on its own (Bean Validation at the boundary). */
    public record Proposed(String code, List<String> values, boolean required) {}

    /** Upper then lower case: straße and STRASSE, the long s and s, final and medial sigma meet (lower case alone keeps them apart). */
    private static String caseless(String text) {
        return text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
