package dev.cpq.quote;

import dev.cpq.platform.rest.boundary.PlatformRestComponents;
import dev.cpq.quote.acceptance.boundary.AcceptanceResource;
import dev.cpq.quote.acceptance.boundary.SnapshotResource;
import dev.cpq.quote.approval.boundary.ApprovalsResource;
import dev.cpq.quote.expiry.boundary.ExpiryOperationsResource;
import dev.cpq.quote.drafting.boundary.QuotesResource;
import dev.cpq.quote.pricing.boundary.QuotePricingResource;
import dev.cpq.quote.submission.boundary.DecisionEvidenceOperationsResource;
import dev.cpq.quote.submission.boundary.QuoteSubmissionResource;
import dev.cpq.quote.summary.boundary.QuoteSummaryResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** The quote service's REST API under {@code /quote/api}. */
@ApplicationPath("api")
public class QuoteApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return PlatformRestComponents.with(QuotesResource.class, QuotePricingResource.class,
                QuoteSubmissionResource.class, ApprovalsResource.class,
                AcceptanceResource.class, SnapshotResource.class, QuoteSummaryResource.class, ExpiryOperationsResource.class,
                DecisionEvidenceOperationsResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return PlatformRestComponents.properties();
    }

    @Override
    public Set<Object> getSingletons() {
        return PlatformRestComponents.singletons();
    }
}
