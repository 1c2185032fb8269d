package dev.cpq.pricing.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.testing.MigratedSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pricing migrations applied to a scratch schema of the real PostgreSQL, and the business rules the
 * schema itself guards.
 */
class PricingSchemaIT {

    private MigratedSchema schema;
    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        schema = MigratedSchema.of("pricing");
        db = schema.connection();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        schema.close();
    }

    private long version(String tenant, String list, int version, String status) throws SQLException {
        String publishedAt = "DRAFT".equals(status) ? "NULL" : "now()";
        return schema.count("INSERT INTO price_list (tenant_id, price_list_id, version_no, status, name, staleness_policy, validity_days, published_at)"
                + " VALUES ('" + tenant + "', '" + list + "', " + version + ", '" + status + "', 'List', 'REPRICE_REQUIRED_ON_PUBLISH', 30, "
                + publishedAt + ") RETURNING id");
    }

    @Test
    void aPriceListHasAtMostOnePublishedVersion() throws SQLException {
        version("t1", "eu", 1, "PUBLISHED");
        version("t1", "us", 1, "PUBLISHED");
        version("t2", "eu", 1, "PUBLISHED");
        assertThatThrownBy(() -> version("t1", "eu", 2, "PUBLISHED"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("price_list_one_published");
        // superseding the first makes room for the second
        schema.exec("UPDATE price_list SET status = 'SUPERSEDED' WHERE tenant_id = 't1' AND price_list_id = 'eu' AND version_no = 1");
        version("t1", "eu", 2, "PUBLISHED");
        assertThat(schema.count("SELECT count(*) FROM price_list WHERE status = 'PUBLISHED'")).isEqualTo(3);
    }

    @Test
    void aVersionNumberIsUsedOncePerPriceList() throws SQLException {
        version("t1", "eu", 1, "DRAFT");
        version("t1", "us", 1, "DRAFT");
        assertThatThrownBy(() -> version("t1", "eu", 1, "DRAFT")).hasMessageContaining("price_list_version_unique");
    }

    @Test
    void termsAndIdsAreChecked() {
        assertThatThrownBy(() -> schema.exec("INSERT INTO price_list (tenant_id, price_list_id, version_no, status, name, staleness_policy,"
                + " validity_days) VALUES ('t1', 'eu', 1, 'DRAFT', 'L', 'SOMETIMES', 30)")).hasMessageContaining("price_list_staleness_policy_known");
        assertThatThrownBy(() -> schema.exec("INSERT INTO price_list (tenant_id, price_list_id, version_no, status, name, staleness_policy,"
                + " validity_days) VALUES ('t1', 'eu', 1, 'DRAFT', 'L', 'REPRICE_REQUIRED_ON_PUBLISH', 0)"))
                .hasMessageContaining("price_list_validity_days_range");
        assertThatThrownBy(() -> version("t1", "e.u", 1, "DRAFT")).hasMessageContaining("price_list_id_shape");
        assertThatCode(() -> schema.exec("INSERT INTO price_list (tenant_id, price_list_id, version_no, status, name, staleness_policy,"
                + " validity_days) VALUES ('t1', 'eu', 1, 'DRAFT', 'L', 'REPRICE_REQUIRED_ON_PUBLISH', 30)")).doesNotThrowAnyException();
    }

    @Test
    void publicationTimeGoesWithPublishedStatusOnly() {
        assertThatThrownBy(() -> schema.exec("INSERT INTO price_list (tenant_id, price_list_id, version_no, status, name, staleness_policy,"
                + " validity_days) VALUES ('t1', 'eu', 1, 'PUBLISHED', 'L', 'REPRICE_REQUIRED_ON_PUBLISH', 30)"))
                .hasMessageContaining("price_list_published_at_iff_published");
    }

    private String entry(long ref, String oneTime, String recurring) {
        return entry(ref, "EUR", "de", oneTime, recurring);
    }

    private String entry(long ref, String currency, String market, String oneTime, String recurring) {
        return "INSERT INTO price_list_entry (price_list_ref, tenant_id, offering_id, currency, market, channel, one_time, recurring_monthly)"
                + " VALUES (" + ref + ", 't1', 'fiber-100', '" + currency + "', '" + market + "', 'web', " + oneTime + ", " + recurring + ")";
    }

    @Test
    void amountsAreNeverNegativeAndFitNumeric19_4() throws SQLException {
        long draft = version("t1", "eu", 1, "DRAFT");
        assertThatThrownBy(() -> schema.exec(entry(draft, "-0.01", "0"))).hasMessageContaining("price_list_entry_one_time_not_negative");
        assertThatThrownBy(() -> schema.exec(entry(draft, "0", "-1"))).hasMessageContaining("price_list_entry_recurring_not_negative");
        assertThatThrownBy(() -> schema.exec(entry(draft, "10000000000000000", "0"))).isInstanceOf(SQLException.class);
        schema.exec(entry(draft, "999999999999999.99", "0"));
        assertThat(schema.count("SELECT count(*) FROM price_list_entry")).isEqualTo(1);
    }

    @Test
    void anOfferingHasOnePricePerScopeInAVersion() throws SQLException {
        long draft = version("t1", "eu", 1, "DRAFT");
        schema.exec(entry(draft, "10.00", "1.00"));
        schema.exec(entry(draft, "EUR", "at", "10.00", "1.00"));
        schema.exec(entry(draft, "USD", "de", "10.00", "1.00"));
        assertThatThrownBy(() -> schema.exec(entry(draft, "12.00", "1.00"))).hasMessageContaining("price_list_entry_once");
        assertThatThrownBy(() -> schema.exec(entry(draft, "eur", "de", "1", "1"))).hasMessageContaining("price_list_entry_currency_shape");
        assertThatThrownBy(() -> schema.exec(entry(draft, "EUR", "d.e", "1", "1"))).hasMessageContaining("price_list_entry_market_shape");
    }

    @Test
    void entriesOfPublishedVersionsAreFrozen() throws SQLException {
        long draft = version("t1", "eu", 1, "DRAFT");
        schema.exec(entry(draft, "10.00", "1.00"));
        schema.exec("UPDATE price_list SET status = 'PUBLISHED', published_at = now() WHERE id = " + draft);
        assertThatThrownBy(() -> schema.exec("UPDATE price_list_entry SET one_time = 9 WHERE price_list_ref = " + draft))
                .hasMessageContaining("only while their version is a draft");
        assertThatThrownBy(() -> schema.exec("DELETE FROM price_list_entry WHERE price_list_ref = " + draft))
                .hasMessageContaining("only while their version is a draft");
        assertThatThrownBy(() -> schema.exec(entry(draft, "EUR", "at", "1", "1"))).hasMessageContaining("only while their version is a draft");
        // a new draft receives a copy, as drafting does
        long next = version("t1", "eu", 2, "DRAFT");
        schema.exec("INSERT INTO price_list_entry (price_list_ref, tenant_id, offering_id, currency, market, channel, one_time, recurring_monthly)"
                + " SELECT " + next + ", tenant_id, offering_id, currency, market, channel, one_time, recurring_monthly"
                + " FROM price_list_entry WHERE price_list_ref = " + draft);
        schema.exec("DELETE FROM price_list_entry WHERE price_list_ref = " + next);
    }

    @Test
    void twoFirstApprovalPoliciesCannotBothWin() throws SQLException {
        schema.exec("INSERT INTO approval_policy (tenant_id, policy_version, created_by) VALUES ('t1', 1, 'a')");
        schema.exec("INSERT INTO approval_policy (tenant_id, policy_version, created_by) VALUES ('t2', 1, 'a')");
        assertThatThrownBy(() -> schema.exec("INSERT INTO approval_policy (tenant_id, policy_version, created_by) VALUES ('t1', 1, 'b')"))
                .hasMessageContaining("approval_policy_version_unique");
    }

    @Test
    void approvalPoliciesAreImmutableAndTheirLimitsChecked() throws SQLException {
        long id = schema.count("INSERT INTO approval_policy (tenant_id, policy_version, created_by) VALUES ('t1', 1, 'a') RETURNING id");
        schema.exec("INSERT INTO approval_threshold (policy_id, role, max_discount_percent) VALUES (" + id + ", 'SALES_AGENT', 12.34)");
        assertThatThrownBy(() -> schema.exec("INSERT INTO approval_threshold (policy_id, role, max_discount_percent) VALUES (" + id
                + ", 'SALES_AGENT', 10)")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> schema.exec("INSERT INTO approval_threshold (policy_id, role, max_discount_percent) VALUES (" + id
                + ", 'SALES_MANAGER', 100.01)")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> schema.exec("INSERT INTO approval_threshold (policy_id, role, max_discount_percent) VALUES (" + id
                + ", 'OPERATOR', 1)")).hasMessageContaining("approval_threshold_role_known");
        assertThatThrownBy(() -> schema.exec("UPDATE approval_threshold SET max_discount_percent = 50")).hasMessageContaining("immutable");
        assertThatThrownBy(() -> schema.exec("DELETE FROM approval_policy")).hasMessageContaining("immutable");
    }

    private String result(String id, String validUntil, String body) {
        return "INSERT INTO price_result (price_result_id, tenant_id, input_hash, price_hash, price_list_id, price_list_version, catalog_version,"
                + " policy_version, staleness_policy, caller_class, currency, market, channel, priced_at, valid_until, body) VALUES ('" + id
                + "', 't1', 'in-sha256:" + "a".repeat(64) + "', 'price-sha256:" + "b".repeat(64) + "', 'eu', 1, 7, 0,"
                + " 'REPRICE_REQUIRED_ON_PUBLISH', 'SALES_AGENT', 'EUR', 'de', 'web', now(), " + validUntil + ", '" + body + "')";
    }

    @Test
    void priceResultsAreImmutableValidForSomeTimeAndNameAnExistingVersion() throws SQLException {
        assertThatThrownBy(() -> schema.exec(result(UUID.randomUUID().toString(), "now() + interval '30 days'", "{}")))
                .hasMessageContaining("price_result_price_list_version");
        version("t1", "eu", 1, "PUBLISHED");
        String id = UUID.randomUUID().toString();
        schema.exec(result(id, "now() + interval '30 days'", "{\"lines\": []}"));
        assertThatThrownBy(() -> schema.exec(result(UUID.randomUUID().toString(), "now()", "{}"))).hasMessageContaining("price_result_validity");
        assertThatThrownBy(() -> schema.exec(result(UUID.randomUUID().toString(), "now() + interval '1 day'", "[]")))
                .hasMessageContaining("price_result_body_is_object");
        assertThatThrownBy(() -> schema.exec("UPDATE price_result SET price_hash = 'price-sha256:" + "c".repeat(64) + "'"))
                .hasMessageContaining("immutable");
        assertThat(schema.count("SELECT count(*) FROM price_result WHERE price_result_id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void theKnownCatalogVersionOnlyMovesForwardWhateverOrderPublicationsArriveIn() throws Exception {
        var replica = new dev.cpq.pricing.calculation.control.CatalogPublicationReplica();
        for (long v : new long[] {3, 5, 4, 5, 1}) {
            replica.apply(new dev.cpq.messaging.event.EventEnvelope(UUID.randomUUID(), "t1", "Catalog", "catalog", v, "CatalogPublished",
                    java.time.Instant.now(), 1, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("newVersion", v),
                    "it"), db);
        }
        replica.apply(new dev.cpq.messaging.event.EventEnvelope(UUID.randomUUID(), "t2", "Catalog", "catalog", 2, "CatalogPublished",
                java.time.Instant.now(), 1, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("newVersion", 2), "it"),
                db);

        assertThat(schema.count("SELECT active_version FROM known_catalog_version WHERE tenant_id = 't1'")).isEqualTo(5);
        assertThat(schema.count("SELECT active_version FROM known_catalog_version WHERE tenant_id = 't2'")).isEqualTo(2);
        assertThatThrownBy(() -> schema.exec("INSERT INTO known_catalog_version (tenant_id, active_version) VALUES ('t3', 0)"))
                .hasMessageContaining("known_catalog_version_positive");
    }
}
