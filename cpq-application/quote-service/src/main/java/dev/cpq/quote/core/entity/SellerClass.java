package dev.cpq.quote.core.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whose own discount limit applies to someone who sells: a partner's (the PARTNER limit, else the
 * agent's, as pricing decides) or an agent's. A seller holding both roles has both classes: the lowest
 * limit among them applies.
 */
public enum SellerClass {
    PARTNER, SALES_AGENT;

    /** The classes of a caller's roles; a caller that is neither is judged as a partner (never more leniently). */
    public static Set<SellerClass> of(Set<String> roles) {
        Set<SellerClass> classes = EnumSet.noneOf(SellerClass.class);
        if (roles.contains("PARTNER")) {
            classes.add(PARTNER);
        }
        if (roles.contains("SALES_AGENT")) {
            classes.add(SALES_AGENT);
        }
        return classes.isEmpty() ? EnumSet.of(PARTNER) : classes;
    }

    /** As stored on a quote: the class names joined by ',' in declaration order. */
    public static String column(Set<SellerClass> classes) {
        return EnumSet.copyOf(classes).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public static Set<SellerClass> fromColumn(String column) {
        Set<SellerClass> classes = EnumSet.noneOf(SellerClass.class);
        Arrays.stream(column.split(",")).map(SellerClass::valueOf).forEach(classes::add);
        return classes;
    }
}
