package dev.cpq.quote.submission.control;

import dev.cpq.quote.authority.entity.ActivePriceList;
import dev.cpq.quote.authority.entity.ApprovalPolicy;
import dev.cpq.quote.authority.entity.CatalogAuthority;
import dev.cpq.quote.authority.entity.ConfigurationChoice;
import dev.cpq.quote.authority.entity.LinesVerdict;
import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.quote.authority.entity.ConfigurationVerdict;
import dev.cpq.quote.authority.entity.PriceRequest;
import dev.cpq.quote.authority.entity.PriceResult;
import dev.cpq.quote.authority.entity.PricingAuthority;
import dev.cpq.platform.remote.entity.RemoteProblemException;
import dev.cpq.quote.authority.entity.StalenessPolicy;
import dev.cpq.quote.core.entity.QuoteFixtures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** In-memory stand-ins for catalog- and pricing-service, set per test. */
final class FakeAuthorities {

    static final class Catalog implements CatalogAuthority {
        OptionalLong active = OptionalLong.of(7);
        boolean valid = true;
        String hash = QuoteFixtures.hash('a');
        boolean refuse;
        final List<Long> askedVersions = new ArrayList<>();
        int asked;

        @Override
        public Pending<LinesVerdict> validateLines(List<ConfigurationChoice> lines, Long catalogVersion) {
            asked++;
            if (refuse) {
                return Pending.failed(new RemoteProblemException(404, "OFFERING_NOT_FOUND", "gone", Map.of()));
            }
            long version = catalogVersion == null ? active.orElse(1) : catalogVersion;
            List<ConfigurationVerdict> verdicts = new ArrayList<>();
            for (ConfigurationChoice line : lines) {
                askedVersions.add(catalogVersion);
                verdicts.add(new ConfigurationVerdict(valid, valid ? List.of() : List.of(new ConfigurationVerdict.Violation("RULE_EXCLUDES", "tv", "no")),
                        hash, version));
            }
            return Pending.answered(new LinesVerdict(version, active, verdicts));
        }
    }

    static final class Pricing implements PricingAuthority {
        long activeVersion = 3;
        StalenessPolicy activePolicy = StalenessPolicy.REPRICE_REQUIRED_ON_PUBLISH;
        ApprovalPolicy policy = new ApprovalPolicy(1, List.of());
        /** When the first version newer than the one asked about was published (null: none). */
        java.time.Instant newerPublishedAt;
        int policyAsked;

        @Override
        public PriceResult price(PriceRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Pending<ActivePriceList> activePriceList(String priceListId, long pricedOnVersion) {
            return Pending.answered(new ActivePriceList(priceListId, activeVersion, activePolicy, policy.policyVersion(),
                    pricedOnVersion < activeVersion ? java.util.Optional.ofNullable(newerPublishedAt) : java.util.Optional.empty()));
        }

        @Override
        public Pending<ApprovalPolicy> approvalPolicy() {
            policyAsked++;
            return Pending.answered(policy);
        }

        void policy(long version, String agentLimit, String managerLimit) {
            policy(version, null, agentLimit, managerLimit);
        }

        void policy(long version, String partnerLimit, String agentLimit, String managerLimit) {
            List<ApprovalPolicy.Threshold> thresholds = new ArrayList<>();
            if (partnerLimit != null) {
                thresholds.add(new ApprovalPolicy.Threshold("PARTNER", new BigDecimal(partnerLimit)));
            }
            if (agentLimit != null) {
                thresholds.add(new ApprovalPolicy.Threshold("SALES_AGENT", new BigDecimal(agentLimit)));
            }
            if (managerLimit != null) {
                thresholds.add(new ApprovalPolicy.Threshold("SALES_MANAGER", new BigDecimal(managerLimit)));
            }
            policy = new ApprovalPolicy(version, thresholds);
        }
    }

    private FakeAuthorities() {}
}
