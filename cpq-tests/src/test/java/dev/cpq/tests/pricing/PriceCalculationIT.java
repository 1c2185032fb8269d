package dev.cpq.tests.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cpq.tests.support.CatalogAdministration;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.PricingAdministration;
import dev.cpq.tests.support.TestTokens;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Price calculations on the deployed pricing service, against a catalog the tenant published: exact
 * amounts, stored immutable results with stable hashes, approval signals from the policy version in
 * force, and a catalog version that is no longer the active one refused.
 */
class PriceCalculationIT {

    /** Reads numbers as written (no double, no stripped zeros). */
    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final String tenant = TestTokens.uniqueTenant("price");
    private final CatalogAdministration catalog = new CatalogAdministration(tenant);
    private final PricingAdministration pricing = new PricingAdministration(tenant);
    private final String seller = TestTokens.token(tenant, "SALES_AGENT");
    private long catalogVersion;

    @BeforeEach
    void publishedCatalogAndPrices() {
        catalogVersion = catalog.openDraft();
        catalog.putInternetOffering(catalogVersion, "fiber-1g", "Fiber 1G");
        catalog.publish(catalogVersion);
        catalog.awaitPointer(catalogVersion);
        long v = pricing.openDraft("standard", null);
        pricing.putEurPrice("standard", v, "fiber-1g", "49.00", "59.90");
        pricing.published("standard", v);
        pricing.approvalPolicy("[{\"role\":\"SALES_AGENT\",\"maxDiscountPercent\":10},{\"role\":\"SALES_MANAGER\",\"maxDiscountPercent\":25}]");
    }

    @Test
    void amountsAreExactToTheCentAndTheResultNamesEveryVersionItUsed() {
        Reply priced = calculate(line(2, 24, "12.5"));

        assertThat(priced.status()).as(priced.body()).isEqualTo(201);
        JsonNode r = priced.json();
        // 2 x 49.00 once, 2 x 59.90 a month for 24 months, 12.5 % off: net monthly 119.80 x 0.875 = 104.825 -> 104.82
        assertThat(new BigDecimal(r.at("/lines/0/listTotal").asText())).isEqualByComparingTo("2973.20");
        assertThat(new BigDecimal(r.at("/lines/0/netOneTime").asText())).isEqualByComparingTo("85.75");
        assertThat(new BigDecimal(r.at("/lines/0/netRecurringMonthly").asText())).isEqualByComparingTo("104.82");
        assertThat(new BigDecimal(r.at("/totals/netTotal").asText())).isEqualByComparingTo("2601.43");
        assertThat(new BigDecimal(r.at("/totals/discountTotal").asText())).isEqualByComparingTo("371.77");
        assertThat(r.get("catalogVersion").asLong()).isEqualTo(catalogVersion);
        assertThat(r.get("priceListVersion").asLong()).isEqualTo(1);
        assertThat(r.get("stalenessPolicy").asText()).isEqualTo("REPRICE_REQUIRED_ON_PUBLISH");
        assertThat(r.get("inputHash").asText()).startsWith("in-sha256:");
        assertThat(r.get("priceHash").asText()).startsWith("price-sha256:");
        Reply stored = DeployedSuite.get("/pricing/api/price-calculations/" + r.get("priceResultId").asText(), seller);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("priceHash").asText()).isEqualTo(r.get("priceHash").asText());
        assertThat(DeployedSuite.get("/pricing/api/price-calculations/" + r.get("priceResultId").asText(),
                TestTokens.token(TestTokens.uniqueTenant("other"), "SALES_AGENT")).status()).as("another tenant's result").isEqualTo(404);
    }

    /**
     * The table of cases, worked by hand: list amounts exact; net one-time and net monthly rounded
     * HALF_EVEN at the currency's scale (EUR 2, JPY 0, BHD 3); net recurring = net monthly x term;
     * discount = list total - net total.
     */
    @ParameterizedTest(name = "{0} x{1}, {2} months, {3} % -> net {4}, discount {5}, net monthly {6}")
    @CsvSource({
        "EUR, 1,    12, 0,     289.39,    0.00,      19.95",
        "EUR, 3,    24, 7.5,   1467.36,   119.01,    55.36",
        "JPY, 2,    36, 12.34, 133722,    18838,     3471",
        "BHD, 1000, 12, 100,   0.000,     50000.000, 0.000",
        "BHD, 7,    0,  33.33, 58.336,    29.164,    14.584"})
    void totalsAreExactInEveryCurrencysScale(String currency, int quantity, int termMonths, String discountPercent, String netTotal,
            String discountTotal, String netMonthly) throws Exception {
        pricedInThreeCurrencies();

        Reply priced = DeployedSuite.call("POST", "/pricing/api/price-calculations", seller, "{\"catalogVersion\":" + catalogVersion
                + ",\"currency\":\"" + currency + "\",\"market\":\"" + currency.substring(0, 2).toLowerCase(java.util.Locale.ROOT)
                + "\",\"channel\":\"direct\",\"lines\":[" + line(quantity, termMonths, discountPercent) + "]}");

        assertThat(priced.status()).as(priced.body()).isIn(200, 201);
        JsonNode r = EXACT.readTree(priced.body());
        // compared as written: value and the currency's number of decimals
        assertThat(r.at("/totals/netTotal").decimalValue().toPlainString()).as("net total").isEqualTo(netTotal);
        assertThat(r.at("/totals/discountTotal").decimalValue().toPlainString()).as("discount").isEqualTo(discountTotal);
        assertThat(r.at("/lines/0/netRecurringMonthly").decimalValue().toPlainString()).as("net monthly").isEqualTo(netMonthly);
        assertThat(new BigDecimal(r.at("/totals/listTotal").asText()).subtract(new BigDecimal(discountTotal)))
                .isEqualByComparingTo(netTotal);
    }

    /** Version 2 of the list: EUR 49.99 + 19.95/month (eu), JPY 5000 + 1980/month (jp), BHD 12.500 + 3.125/month (bh). */
    private void pricedInThreeCurrencies() {
        long v = pricing.openDraft("standard", null);
        Reply put = pricing.putEntries("standard", v, "fiber-1g", "{\"prices\":["
                + "{\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"oneTime\":49.99,\"recurring\":19.95},"
                + "{\"currency\":\"JPY\",\"market\":\"jp\",\"channel\":\"direct\",\"oneTime\":5000,\"recurring\":1980},"
                + "{\"currency\":\"BHD\",\"market\":\"bh\",\"channel\":\"direct\",\"oneTime\":12.500,\"recurring\":3.125}]}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        pricing.published("standard", v);
    }

    @Test
    void identicalInputOnTheSameVersionsGivesTheSameHashesAndAnyChangeAnotherInputHash() {
        JsonNode first = calculate(line(2, 24, "5")).json();
        Reply again = calculate(line(2, 24, "5"));
        JsonNode otherQuantity = calculate(line(3, 24, "5")).json();
        JsonNode otherDiscount = calculate(line(2, 24, "6")).json();

        assertThat(again.status()).as("an identical calculation reuses the stored result").isEqualTo(200);
        assertThat(again.json().get("priceResultId").asText()).isEqualTo(first.get("priceResultId").asText());
        assertThat(again.json().get("inputHash").asText()).isEqualTo(first.get("inputHash").asText());
        assertThat(again.json().get("priceHash").asText()).isEqualTo(first.get("priceHash").asText());
        assertThat(otherQuantity.get("inputHash").asText()).isNotEqualTo(first.get("inputHash").asText());
        assertThat(otherQuantity.get("priceHash").asText()).isNotEqualTo(first.get("priceHash").asText());
        assertThat(otherDiscount.get("inputHash").asText()).isNotEqualTo(first.get("inputHash").asText());
    }

    @Test
    void twentyIdenticalCalculationsAtOnceConvergeOnOneStoredResult() throws Exception {
        for (boolean aroundTheCache : new boolean[] {false, true}) {
            // around the cache (an operator's no-cache), only the store's per-input lock keeps them to one row
            String caller = aroundTheCache ? TestTokens.token(tenant, "SALES_AGENT", "OPERATOR") : seller;
            String body = "{\"catalogVersion\":" + catalogVersion + ",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\","
                    + "\"lines\":[" + line(aroundTheCache ? 7 : 6, 36, "3.33") + "]}";
            CountDownLatch ready = new CountDownLatch(20);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<Future<Reply>> replies = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    replies.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return aroundTheCache
                                ? DeployedSuite.call("POST", "/pricing/api/price-calculations", caller, body, "Cache-Control", "no-cache")
                                : DeployedSuite.call("POST", "/pricing/api/price-calculations", caller, body);
                    }));
                }
                ready.await();
                go.countDown();
                Set<String> ids = new HashSet<>();
                int created = 0;
                for (Future<Reply> f : replies) {
                    Reply r = f.get();
                    assertThat(r.status()).as(r.body()).isIn(200, 201);
                    created += r.status() == 201 ? 1 : 0;
                    ids.add(r.json().get("priceResultId").asText());
                }
                assertThat(ids).as("one stored result (around the cache: %s)", aroundTheCache).hasSize(1);
                assertThat(created).as("stored once (around the cache: %s)", aroundTheCache).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void approvalSignalsFollowThePolicyVersionInForce() {
        JsonNode underOldPolicy = calculate(line(1, 12, "8")).json();
        long lowered = pricing.approvalPolicy("[{\"role\":\"SALES_AGENT\",\"maxDiscountPercent\":5},{\"role\":\"SALES_MANAGER\",\"maxDiscountPercent\":25}]");
        JsonNode underNewPolicy = calculate(line(1, 12, "8")).json();

        assertThat(underOldPolicy.get("approvalSignals")).isEmpty();
        assertThat(underNewPolicy.get("policyVersion").asLong()).isEqualTo(lowered);
        assertThat(underNewPolicy.at("/approvalSignals/0/requiredRole").asText()).isEqualTo("SALES_MANAGER");
        assertThat(underNewPolicy.get("inputHash").asText()).isNotEqualTo(underOldPolicy.get("inputHash").asText());
    }

    @Test
    void aCatalogVersionThatIsNoLongerActiveIsRefused() {
        long next = catalog.openDraft();
        catalog.publish(next);
        catalog.awaitPointer(next);

        Reply stale = calculate(line(1, 12, "0"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("CATALOG_VERSION_STALE");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(next);
        assertThat(stale.json().get("remediation").asText()).isNotBlank();
    }

    @Test
    void aPublishedPriceListVersionIsUsedOnceItsPointerMoved() {
        long v2 = pricing.openDraft("standard", "VALID_UNTIL_QUOTE_EXPIRY");
        pricing.putEurPrice("standard", v2, "fiber-1g", "0.00", "54.90");
        pricing.published("standard", v2);

        JsonNode r = calculate(line(1, 1, "0")).json();

        assertThat(r.get("priceListVersion").asLong()).isEqualTo(v2);
        assertThat(r.get("stalenessPolicy").asText()).isEqualTo("VALID_UNTIL_QUOTE_EXPIRY");
        assertThat(new BigDecimal(r.at("/totals/netTotal").asText())).isEqualByComparingTo("54.90");
    }

    @Test
    void badAmountsAndUnknownPricesAreClearFourHundreds() {
        long v2 = pricing.openDraft("standard", null);
        Reply tooPrecise = pricing.putEntries("standard", v2, "fiber-1g",
                "{\"prices\":[{\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"oneTime\":1.005,\"recurring\":1}]}");
        Reply negative = pricing.putEntries("standard", v2, "fiber-1g",
                "{\"prices\":[{\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"oneTime\":-1,\"recurring\":1}]}");
        Reply noSuchPrice = DeployedSuite.call("POST", "/pricing/api/price-calculations", seller, "{\"catalogVersion\":" + catalogVersion
                + ",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"lines\":[{\"offeringId\":\"tv-box\",\"options\":{},"
                + "\"quantity\":1,\"termMonths\":1,\"discountPercent\":0}]}");
        Reply negativeQuantity = calculate(line(-1, 12, "0"));

        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(noSuchPrice.status()).isEqualTo(422);
        assertThat(noSuchPrice.json().get("code").asText()).isEqualTo("PRICE_NOT_FOUND");
        assertThat(negativeQuantity.status()).isEqualTo(400);
        assertThat(negativeQuantity.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    private String line(int quantity, int termMonths, String discountPercent) {
        return "{\"offeringId\":\"fiber-1g\",\"options\":{\"speed\":\"1G\"},\"quantity\":" + quantity + ",\"termMonths\":" + termMonths
                + ",\"discountPercent\":" + discountPercent + "}";
    }

    private Reply calculate(String line) {
        return DeployedSuite.call("POST", "/pricing/api/price-calculations", seller, "{\"catalogVersion\":" + catalogVersion
                + ",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"lines\":[" + line + "]}");
    }
}
