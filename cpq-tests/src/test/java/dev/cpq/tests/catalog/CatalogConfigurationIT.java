package dev.cpq.tests.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.CatalogAdministration;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Configuration rules per family, copied into every new draft with the offerings; validation against
 * the rule graph with a configuration hash that is stable for the same choice on the same version and
 * changes with the version.
 */
class CatalogConfigurationIT {

    private static final String RULES = "{\"requires\":[{\"when\":{\"option\":\"speed\",\"value\":\"10G\"},"
            + "\"then\":{\"option\":\"router\",\"value\":\"pro\"}}],\"excludes\":[]}";

    private final CatalogAdministration catalog = new CatalogAdministration(TestTokens.uniqueTenant("config"));
    private final String seller = TestTokens.token(catalog.tenant(), "SALES_AGENT");

    @Test
    void aConfigurationBreakingARuleIsInvalidAndOneMeetingItIsValid() {
        long v1 = publishedWithRules();

        Reply broken = validate("{\"offeringId\":\"fiber-10g\",\"options\":{\"speed\":\"10G\",\"router\":\"basic\"}}");
        Reply fine = validate("{\"offeringId\":\"fiber-10g\",\"options\":{\"speed\":\"10G\",\"router\":\"pro\"}}");
        Reply missing = validate("{\"offeringId\":\"fiber-10g\",\"options\":{\"router\":\"pro\",\"colour\":\"red\"}}");

        assertThat(broken.json().get("valid").asBoolean()).isFalse();
        assertThat(broken.json().at("/violations/0/code").asText()).isEqualTo("RULE_REQUIRES");
        assertThat(broken.json().get("catalogVersion").asLong()).isEqualTo(v1);
        assertThat(fine.json().get("valid").asBoolean()).isTrue();
        assertThat(fine.json().get("violations")).isEmpty();
        assertThat(missing.json().get("violations").findValuesAsText("code")).containsExactlyInAnyOrder("OPTION_UNKNOWN", "OPTION_REQUIRED");
    }

    @Test
    void theConfigurationHashIsStableForTheSameChoiceAndChangesWithTheCatalogVersion() {
        long v1 = publishedWithRules();
        String a = validate("{\"offeringId\":\"fiber-10g\",\"options\":{\"speed\":\"10G\",\"router\":\"pro\"}}").json()
                .get("configurationHash").asText();
        String b = validate("{\"offeringId\":\"fiber-10g\",\"options\":{\"router\":\"pro\",\"speed\":\"10G\"}}").json()
                .get("configurationHash").asText();
        String other = validate("{\"offeringId\":\"fiber-10g\",\"options\":{\"speed\":\"1G\",\"router\":\"pro\"}}").json()
                .get("configurationHash").asText();

        long v2 = catalog.openDraft();
        catalog.publish(v2);
        catalog.awaitPointer(v2);
        Reply onV2 = validate("{\"offeringId\":\"fiber-10g\",\"options\":{\"speed\":\"10G\",\"router\":\"pro\"}}");
        Reply onV1 = validate("{\"offeringId\":\"fiber-10g\",\"options\":{\"speed\":\"10G\",\"router\":\"pro\"},\"catalogVersion\":" + v1 + "}");

        assertThat(a).startsWith("cfg-sha256:").isEqualTo(b).isNotEqualTo(other);
        assertThat(onV2.json().get("catalogVersion").asLong()).isEqualTo(v2);
        assertThat(onV2.json().get("configurationHash").asText()).isNotEqualTo(a);
        assertThat(onV1.json().get("configurationHash").asText()).isEqualTo(a);
    }

    @Test
    void aNewDraftStartsAsACopyOfTheActiveVersionsOfferingsAndRules() {
        long v1 = publishedWithRules();

        long v2 = catalog.openDraft();
        catalog.publish(v2);
        catalog.awaitPointer(v2);

        Reply offering = DeployedSuite.get("/catalog/api/offerings/fiber-10g", seller);
        Reply verdict = validate("{\"offeringId\":\"fiber-10g\",\"options\":{\"speed\":\"10G\",\"router\":\"basic\"}}");
        Reply versions = DeployedSuite.get("/catalog/api/catalog-versions", seller);
        assertThat(offering.json().get("catalogVersion").asLong()).isEqualTo(v2);
        assertThat(offering.json().get("name").asText()).isEqualTo("Fiber 10G");
        assertThat(verdict.json().at("/violations/0/code").asText()).as("the rule came along").isEqualTo("RULE_REQUIRES");
        assertThat(versions.json().get(0).get("basedOnVersion").asLong()).isEqualTo(v1);
    }

    @Test
    void rulesMayOnlyNameOptionValuesTheFamilysOfferingsDefine() {
        long draft = catalog.openDraft();
        catalog.putInternetOffering(draft, "fiber-10g", "Fiber 10G");

        Reply unknownValue = catalog.putRules(draft, "internet", RULES.replace("\"pro\"", "\"gold\""));
        Reply sameOption = catalog.putRules(draft, "internet", "{\"requires\":[{\"when\":{\"option\":\"speed\",\"value\":\"10G\"},"
                + "\"then\":{\"option\":\"speed\",\"value\":\"1G\"}}],\"excludes\":[]}");
        Reply missingList = catalog.putRules(draft, "internet", "{\"requires\":[]}");

        assertThat(unknownValue.status()).isEqualTo(400);
        assertThat(unknownValue.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(sameOption.status()).isEqualTo(400);
        assertThat(missingList.status()).isEqualTo(400);
        assertThat(missingList.json().get("violations").findValuesAsText("field")).anyMatch(f -> f.contains("excludes"));
    }

    @Test
    void rulesOfAPublishedVersionCannotChange() {
        long v1 = publishedWithRules();

        Reply late = DeployedSuite.call("PUT", "/catalog/api/catalog-versions/" + v1 + "/rules/internet",
                TestTokens.token(catalog.tenant(), "CATALOG_ADMIN"), RULES, "If-Match", "\"999\"");

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("CATALOG_VERSION_NOT_DRAFT");
    }

    private long publishedWithRules() {
        long version = catalog.openDraft();
        catalog.putInternetOffering(version, "fiber-10g", "Fiber 10G");
        Reply rules = catalog.putRules(version, "internet", RULES);
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        catalog.publish(version);
        catalog.awaitPointer(version);
        return version;
    }

    private Reply validate(String body) {
        Reply reply = DeployedSuite.call("POST", "/catalog/api/configurations/validate", seller, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }
}
