package dev.cpq.tests.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one series of a service's Prometheus endpoint, the way a dashboard would: with the deployment's
 * scrape token ({@code CPQ_METRICS_SCRAPE_TOKEN}, exported by {@code deploy/cpq test}).
 */
public final class SuiteMetrics {

    private SuiteMetrics() {}

    /**
     * The sum of every series of {@code metric} whose labels include all of {@code labels}
     * ({@code name="value"} pairs); 0 when none exists yet.
     */
    public static double sum(String service, String metric, String... labels) {
        String text = scrape(service).body();
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

    /** The whole text of a service's metrics, read as the scraper reads it. */
    public static DeployedSuite.Reply scrape(String service) {
        DeployedSuite.Reply reply = DeployedSuite.get("/" + service + "/api/metrics", scrapeToken());
        if (reply.status() != 200) {
            throw new AssertionError("metrics of " + service + " answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    public static String scrapeToken() {
        return DeployedSuite.setting("CPQ_METRICS_SCRAPE_TOKEN").orElseThrow(() -> new IllegalStateException(
                "CPQ_METRICS_SCRAPE_TOKEN is not set: run the tests as `deploy/cpq test` does (it exports the scrape token)"));
    }

    public static String label(String name, String value) {
        return name + "=\"" + value + "\"";
    }
}
