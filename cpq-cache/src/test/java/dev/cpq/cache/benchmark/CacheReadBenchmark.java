package dev.cpq.cache.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.cache.CacheFixture;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.SampleKeys;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import dev.cpq.testing.RealServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reads one offering projection three ways, side by side against the same Redis and PostgreSQL:
 * a raw Jedis GET of the cached bytes, a cache hit through the library (GET + envelope decode + checks +
 * metrics), and loading it from PostgreSQL (indexed SELECT of the offering and its options, mapped).
 * Prints p50/p90/p99 and the ratios, and writes them to $CPQ_REPORTS_DIR. Figures, not assertions:
 * run with `deploy/cpq bench`.
 */
class CacheReadBenchmark {

    record Option(String code, List<String> values, boolean required) {}

    record OfferingDetail(String offeringId, String name, String family, long catalogVersion, List<Option> options) {}

    private static final int ROUNDS = 5;
    private static final int WARMUP = 5_000;
    private static final int PER_ROUND = 10_000;

    @Test
    void cacheHitVersusRawGetVersusPostgresLoad() throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        RealServices.Postgres pg = RealServices.postgres();
        try (CacheFixture f = new CacheFixture();
                Connection db = DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
            createProjectionTables(db, schema, f.tenant);
            try (PreparedStatement offering = db.prepareStatement(
                            "SELECT offering_id, name, family, catalog_version FROM " + schema + ".offering WHERE tenant_id = ? AND catalog_version = ? AND offering_id = ?");
                    PreparedStatement options = db.prepareStatement(
                            "SELECT code, allowed_values, required FROM " + schema + ".offering_option WHERE tenant_id = ? AND catalog_version = ? AND offering_id = ? ORDER BY code")) {
                CacheKey key = SampleKeys.offeringDetail(f.tenant, 7, "po-1042");
                OfferingDetail fromDb = load(offering, options, f.tenant, 7, "po-1042");
                assertThat(f.cache.get(key, OfferingDetail.class, () -> fromDb)).isEqualTo(fromDb);
                String rawKey = key.value();

                var raw = new LatencySamples("raw Jedis GET");
                var hit = new LatencySamples("cache hit through cpq-cache");
                var postgres = new LatencySamples("load from PostgreSQL (JDBC)");
                for (int round = 0; round <= ROUNDS; round++) {
                    int n = round == 0 ? WARMUP : PER_ROUND;
                    boolean measure = round > 0;
                    for (int i = 0; i < n; i++) {
                        long t0 = System.nanoTime();
                        String bytes = f.redis.execute(j -> j.get(rawKey));
                        long t1 = System.nanoTime();
                        OfferingDetail cached = f.cache.get(key, OfferingDetail.class, () -> {
                            throw new AssertionError("the benchmark key must stay cached");
                        });
                        long t2 = System.nanoTime();
                        OfferingDetail loaded = load(offering, options, f.tenant, 7, "po-1042");
                        long t3 = System.nanoTime();
                        if (measure) {
                            raw.add(t1 - t0);
                            hit.add(t2 - t1);
                            postgres.add(t3 - t2);
                        }
                        if (bytes == null || cached.options().size() != loaded.options().size()) {
                            throw new AssertionError("paths disagree");
                        }
                    }
                }
                assertThat(f.metrics.countOf(Event.HIT, CacheDomain.CATALOG, f.tenant)).isGreaterThanOrEqualTo(ROUNDS * PER_ROUND);
                report(raw, hit, postgres, f.rawGet(rawKey).length());
            } finally {
                try (Statement s = db.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static void createProjectionTables(Connection db, String schema, String tenant) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema + ".offering (tenant_id text, catalog_version bigint, offering_id text, name text, family text,"
                    + " PRIMARY KEY (tenant_id, catalog_version, offering_id))");
            s.execute("CREATE TABLE " + schema + ".offering_option (tenant_id text, catalog_version bigint, offering_id text, code text,"
                    + " allowed_values text[], required boolean, PRIMARY KEY (tenant_id, catalog_version, offering_id, code))");
        }
        // 2,000 offerings x 6 options: larger than a page, so lookups go through the primary key index
        try (PreparedStatement o = db.prepareStatement("INSERT INTO " + schema + ".offering"
                        + " SELECT ?, 7, 'po-' || g, 'Fiber ' || g, 'FIBER' FROM generate_series(1, 2000) g");
                PreparedStatement op = db.prepareStatement("INSERT INTO " + schema + ".offering_option"
                        + " SELECT ?, 7, 'po-' || g, 'opt-' || k, ARRAY['a' || k, 'b' || k, 'c' || k], k % 2 = 0"
                        + " FROM generate_series(1, 2000) g, generate_series(1, 6) k")) {
            o.setString(1, tenant);
            o.executeUpdate();
            op.setString(1, tenant);
            op.executeUpdate();
        }
        try (Statement s = db.createStatement()) {
            s.execute("ANALYZE " + schema + ".offering");
            s.execute("ANALYZE " + schema + ".offering_option");
        }
    }

    private static OfferingDetail load(PreparedStatement offering, PreparedStatement options, String tenant, long version, String id)
            throws SQLException {
        bind(offering, tenant, version, id);
        OfferingDetail head;
        try (ResultSet rs = offering.executeQuery()) {
            if (!rs.next()) {
                throw new AssertionError("benchmark offering missing");
            }
            head = new OfferingDetail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), List.of());
        }
        bind(options, tenant, version, id);
        List<Option> list = new ArrayList<>();
        try (ResultSet rs = options.executeQuery()) {
            while (rs.next()) {
                list.add(new Option(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()), rs.getBoolean(3)));
            }
        }
        return new OfferingDetail(head.offeringId(), head.name(), head.family(), head.catalogVersion(), list);
    }

    private static void bind(PreparedStatement ps, String tenant, long version, String id) throws SQLException {
        ps.setString(1, tenant);
        ps.setLong(2, version);
        ps.setString(3, id);
    }

    private static void report(LatencySamples raw, LatencySamples hit, LatencySamples postgres, int payloadBytes) throws IOException {
        double hitOverRaw = hit.quantileMicros(0.5) / raw.quantileMicros(0.5);
        double pgOverHit = postgres.quantileMicros(0.5) / hit.quantileMicros(0.5);
        StringBuilder out = new StringBuilder();
        out.append("cpq-cache read benchmark, ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, one thread, payload ").append(payloadBytes).append(" bytes, ").append(ROUNDS).append(" x ")
                .append(PER_ROUND).append(" interleaved reads per path after ").append(WARMUP).append(" warm-up\n");
        for (LatencySamples s : List.of(raw, hit, postgres)) {
            out.append("  ").append(s.line()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "  library hit / raw GET (p50):      %.2fx   (target <= 1.30x)%n", hitOverRaw));
        out.append(String.format(Locale.ROOT, "  PostgreSQL load / cache hit (p50): %.2fx   (target >= 5x)%n", pgOverHit));
        out.append(String.format(Locale.ROOT, "  library hit / raw GET (p99):      %.2fx%n", hit.quantileMicros(0.99) / raw.quantileMicros(0.99)));
        System.out.print(out);
        String dir = System.getenv("CPQ_REPORTS_DIR");
        if (dir != null && !dir.isBlank()) {
            Path report = Path.of(dir, "cache-read-benchmark.txt");
            Files.createDirectories(report.getParent());
            Files.writeString(report, out.toString());
            System.out.println("  report: " + report);
        }
    }
}
