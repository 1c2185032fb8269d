package dev.cpq.quote.authority.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * A price list's published version as pricing's database names it, with the approval policy version in
 * force there (0 while none is set) and, when asked about the version a quote was priced on, when the
 * first version newer than that one was published (empty while none is).
 */
public record ActivePriceList(String priceListId, long priceListVersion, StalenessPolicy stalenessPolicy, long approvalPolicyVersion,
        Optional<Instant> newerPublishedAt) {

    public ActivePriceList(String priceListId, long priceListVersion, StalenessPolicy stalenessPolicy, long approvalPolicyVersion) {
        this(priceListId, priceListVersion, stalenessPolicy, approvalPolicyVersion, Optional.empty());
    }
}
