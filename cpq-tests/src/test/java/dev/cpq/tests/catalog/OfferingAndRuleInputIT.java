package dev.cpq.tests.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Odd offering and rule input, as a careless or hostile catalog admin sends it: every refusal is a 400
 * VALIDATION_FAILED problem naming the offending fields, never a 500, and the draft is left unchanged.
 */
class OfferingAndRuleInputIT {

    private static final String SPEED = "{\"code\":\"speed\",\"values\":[\"500M\",\"1G\"],\"required\":true}";
    private static final String ROUTER = "{\"code\":\"router\",\"values\":[\"basic\",\"pro\"],\"required\":false}";

    private final String tenant = TestTokens.uniqueTenant("input");
    private final String admin = TestTokens.token(tenant, "CATALOG_ADMIN");
    private String etag;

    @Test
    void anOfferingListingTheSameOptionCodeTwiceIsRefusedNamingTheSecond() {
        long draft = openDraft();
        assertRefused(putOffering(draft, "twice", offering(SPEED + "," + SPEED.replace("500M", "10G"))), "options[1].code");
        assertDraftUnchanged(draft);
    }

    @Test
    void optionCodesThatDifferOnlyByCaseAreRefused() {
        long draft = openDraft();
        assertRefused(putOffering(draft, "cased", offering(SPEED + "," + SPEED.replace("\"speed\"", "\"Speed\""))), "options[1].code");
        assertDraftUnchanged(draft);
    }

    @Test
    void anOptionListingAValueTwiceOrTwoValuesDifferingOnlyByCaseIsRefusedNamingTheValue() {
        long draft = openDraft();
        assertRefused(putOffering(draft, "dup-value", offering("{\"code\":\"speed\",\"values\":[\"1G\",\"500M\",\"1G\"],\"required\":true}")),
                "options[0].values[2]");
        assertRefused(putOffering(draft, "cased-value", offering(ROUTER + ",{\"code\":\"speed\",\"values\":[\"1G\",\"1g\"],\"required\":true}")),
                "options[1].values[1]");
        assertDraftUnchanged(draft);
    }

    @Test
    void emptyBlankAndNullOptionPartsAreRefusedNamingThem() {
        long draft = openDraft();
        assertRefused(putOffering(draft, "no-values", offering("{\"code\":\"speed\",\"values\":[],\"required\":true}")), "options[0].values");
        assertRefused(putOffering(draft, "null-value", offering("{\"code\":\"speed\",\"values\":[\"1G\",null],\"required\":true}")),
                "options[0].values[1]");
        assertRefused(putOffering(draft, "blank-value", offering("{\"code\":\"speed\",\"values\":[\" \"],\"required\":true}")),
                "options[0].values[0]");
        assertRefused(putOffering(draft, "null-option", offering(SPEED + ",null")), "options[1]");
        assertRefused(putOffering(draft, "blank-code", offering("{\"code\":\"\",\"values\":[\"1G\"],\"required\":true}")), "options[0].code");
        assertRefused(putOffering(draft, "no-required", offering("{\"code\":\"speed\",\"values\":[\"1G\"]}")), "options[0].required");
        assertRefused(putOffering(draft, "null-options", "{\"name\":\"X\",\"family\":\"internet\",\"options\":null}"), "options");
        assertRefused(putOffering(draft, "blank-name", "{\"name\":\"\",\"family\":\"internet\",\"options\":[]}"), "name");
        assertDraftUnchanged(draft);
    }

    @Test
    void aRuleThatBothRequiresAndExcludesTheSamePairIsRefusedNamingBothRules() {
        long draft = openDraft();
        Reply put = putOffering(draft, "fiber", offering(SPEED + "," + ROUTER));
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        String oneG = "{\"option\":\"speed\",\"value\":\"1G\"}";
        String pro = "{\"option\":\"router\",\"value\":\"pro\"}";
        String basic = "{\"option\":\"router\",\"value\":\"basic\"}";
        Reply contradiction = putRules(draft, "{\"requires\":[{\"when\":" + oneG + ",\"then\":" + basic + "},{\"when\":" + oneG + ",\"then\":" + pro
                + "}],\"excludes\":[{\"when\":" + oneG + ",\"then\":" + pro + "}]}");
        assertRefused(contradiction, "requires[1]", "excludes[0]");

        // "excludes" holds both ways: router=pro excludes speed=1G contradicts speed=1G requires router=pro
        Reply reversed = putRules(draft, "{\"requires\":[{\"when\":" + oneG + ",\"then\":" + pro + "}],\"excludes\":[{\"when\":" + pro
                + ",\"then\":" + oneG + "}]}");
        assertRefused(reversed, "requires[0]", "excludes[0]");
        assertDraftUnchanged(draft);

        Reply consistent = putRules(draft, "{\"requires\":[{\"when\":" + oneG + ",\"then\":" + pro + "}],\"excludes\":[{\"when\":" + oneG
                + ",\"then\":" + basic + "}]}");
        assertThat(consistent.status()).as(consistent.body()).isEqualTo(200);
    }

    @Test
    void nullAndEmptyRulePartsAreRefusedNamingThem() {
        long draft = openDraft();
        Reply put = putOffering(draft, "fiber", offering(SPEED + "," + ROUTER));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        String oneG = "{\"option\":\"speed\",\"value\":\"1G\"}";
        assertRefused(putRules(draft, "{\"requires\":[null],\"excludes\":[]}"), "requires[0]");
        assertRefused(putRules(draft, "{\"requires\":[{\"when\":" + oneG + ",\"then\":null}],\"excludes\":[]}"), "requires[0].then");
        assertRefused(putRules(draft, "{\"requires\":[{\"when\":" + oneG + ",\"then\":{\"option\":\"router\",\"value\":\"\"}}],\"excludes\":[]}"),
                "requires[0].then.value");
        assertRefused(putRules(draft, "{\"requires\":[],\"excludes\":null}"), "excludes");
        assertRefused(putRules(draft, "{\"requires\":[{\"when\":" + oneG + ",\"then\":{\"option\":\"Router\",\"value\":\"pro\"}}],\"excludes\":[]}"),
                "rules");
        assertDraftUnchanged(draft);
    }

    private static String offering(String options) {
        return "{\"name\":\"Fiber\",\"family\":\"internet\",\"options\":[" + options + "]}";
    }

    private long openDraft() {
        Reply draft = DeployedSuite.call("POST", "/catalog/api/catalog-versions", admin, "{}", "Idempotency-Key", "draft-" + UUID.randomUUID());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        etag = draft.header("ETag").orElseThrow();
        return draft.json().get("catalogVersion").asLong();
    }

    private Reply putOffering(long draft, String offeringId, String json) {
        return remember(DeployedSuite.call("PUT", "/catalog/api/catalog-versions/" + draft + "/offerings/" + offeringId, admin, json,
                "If-Match", etag));
    }

    private Reply putRules(long draft, String json) {
        return remember(DeployedSuite.call("PUT", "/catalog/api/catalog-versions/" + draft + "/rules/internet", admin, json, "If-Match", etag));
    }

    private Reply remember(Reply reply) {
        if (reply.status() == 200) {
            etag = reply.header("ETag").orElseThrow();
        }
        return reply;
    }

    private static void assertRefused(Reply reply, String... fields) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("code").asText()).as(reply.body()).isEqualTo("VALIDATION_FAILED");
        List<String> named = new ArrayList<>();
        problem.path("violations").forEach(v -> named.add(v.path("field").asText()));
        assertThat(named).as(reply.body()).contains(fields);
    }

    /** Nothing a refused edit sent was stored: the draft's version (its ETag) did not move. */
    private void assertDraftUnchanged(long draft) {
        Reply put = DeployedSuite.call("PUT", "/catalog/api/catalog-versions/" + draft + "/offerings/probe", admin, offering(ROUTER),
                "If-Match", etag);
        assertThat(put.status()).as("the refused edits left the draft at ETag " + etag + ": " + put.body()).isEqualTo(200);
        etag = put.header("ETag").orElseThrow();
    }
}
