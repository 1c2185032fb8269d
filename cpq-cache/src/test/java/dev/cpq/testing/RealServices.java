package dev.cpq.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Connection settings of the real PostgreSQL, Redis and Kafka that {@code deploy/cpq services} starts,
 * taken from the environment ({@code .cpq/services.env}). Nothing reachable means one clear failure
 * that says what to run, never a skipped test.
 */
public final class RealServices {

    public record Postgres(String url, String user, String password) {}

    public record Redis(String url, String host, int port) {}

    public record Kafka(String bootstrapServers) {}

    private static final String HOW_TO_START =
            "Start them with `deploy/cpq services` and export their settings with "
                    + "`source .cpq/services.env` (deploy/cpq test does both).";

    private RealServices() {}

    public static Postgres postgres() {
        String url = required("CPQ_PG_URL");
        URI uri = URI.create(url.substring("jdbc:".length()));
        requireReachable("PostgreSQL", uri.getHost(), uri.getPort());
        return new Postgres(url, required("CPQ_PG_USER"), required("CPQ_PG_PASSWORD"));
    }

    public static Redis redis() {
        String url = required("CPQ_REDIS_URL");
        URI uri = URI.create(url);
        requireReachable("Redis", uri.getHost(), uri.getPort());
        return new Redis(url, uri.getHost(), uri.getPort());
    }

    /** The optional three-node cluster; start it first with {@code ServiceControl.start("redis-cluster")}. */
    public static List<String> redisClusterNodes() {
        List<String> nodes = List.of(required("CPQ_REDIS_CLUSTER_NODES").split(","));
        for (String node : nodes) {
            int colon = node.lastIndexOf(':');
            requireReachable("Redis Cluster node", node.substring(0, colon), Integer.parseInt(node.substring(colon + 1)));
        }
        return nodes;
    }

    public static Kafka kafka() {
        String bootstrap = required("CPQ_KAFKA_BOOTSTRAP");
        String first = bootstrap.split(",")[0];
        int colon = first.lastIndexOf(':');
        requireReachable("Kafka", first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
        return new Kafka(bootstrap);
    }

    static String required(String name) {
        return setting(name).orElseThrow(() -> new IllegalStateException(
                "Integration tests need real PostgreSQL, Redis and Kafka, but " + name + " is not set. "
                        + HOW_TO_START + missingHint()));
    }

    static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getenv(name))
                .or(() -> Optional.ofNullable(System.getProperty(name)))
                .filter(v -> !v.isBlank());
    }

    private static void requireReachable(String what, String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2_000);
        } catch (IOException e) {
            throw new IllegalStateException(what + " is not reachable at " + host + ":" + port + " (" + e.getMessage()
                    + "). " + HOW_TO_START);
        }
    }

    private static String missingHint() {
        List<String> missing = new ArrayList<>();
        for (String v : List.of("CPQ_PG_URL", "CPQ_PG_USER", "CPQ_PG_PASSWORD", "CPQ_REDIS_URL", "CPQ_KAFKA_BOOTSTRAP")) {
            if (setting(v).isEmpty()) {
                missing.add(v);
            }
        }
        return missing.isEmpty() ? "" : " Missing: " + String.join(", ", missing) + ".";
    }
}
