package dev.cpq.tests.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one series of a service's Prometheus endpoint, the way a dashboard would. */
public final class SuiteMetrics {

    private SuiteMetrics() {}

    /**
     * The sum of every series of {@code metric} whose labels include all of {@code labels}
     * ({@code name="value"} pairs); 0 when none exists yet.
     */
    public static double sum(String service, String metric, String... labels) {
        String text = DeployedSuite.get("/" + service + "/api/metrics", null).body();
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "(?:\\{([^}]*)\\})?\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        double total = 0;
        while (m.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= m.group(1) != null && m.group(1).contains(label);
            }
            if (all) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    public static String label(String name, String value) {
        return name + "=\"" + value + "\"";
    }
}
