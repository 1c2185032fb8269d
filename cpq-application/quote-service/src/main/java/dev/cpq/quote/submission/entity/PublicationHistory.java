package dev.cpq.quote.submission.entity;

import java.time.Instant;
import java.util.Optional;

/** When the owners published the first version newer than a given one, from their databases (empty: none yet). */
public interface PublicationHistory {

    Optional<Instant> catalogPublishedAfter(long catalogVersion);

    Optional<Instant> priceListPublishedAfter(String priceListId, long priceListVersion);

    Optional<Instant> approvalPolicyPublishedAfter(long policyVersion);
}
