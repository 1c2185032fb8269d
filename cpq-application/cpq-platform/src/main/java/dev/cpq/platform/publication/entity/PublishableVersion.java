package dev.cpq.platform.publication.entity;

import java.time.Instant;

/**
 * One version of a line that is edited as a draft, then published over the line's active version,
 * which it supersedes (a catalog version, a price list version). The aggregate keeps its own rules;
 * {@link dev.cpq.platform.publication.control.Publication} only runs them in the one safe order.
 */
public interface PublishableVersion<V extends PublishableVersion<V>> {

    /** The optimistic-lock version: the ETag an editor's If-Match names. */
    long rowVersion();

    /** The status the audit trail records ({@code DRAFT}, {@code PUBLISHED}). */
    String statusName();

    /** Only a draft is edited or published; otherwise the aggregate's own 409. */
    void requireDraft();

    /**
     * The aggregate's own publication rule, checked before anything changes: refuses (with its own
     * 409) to publish this draft over {@code active}, e.g. when the draft is older than it.
     */
    void requirePublishableOver(V active);

    /** A later version was published: this one is history now. */
    void supersede();

    /** The draft becomes the line's active version. */
    void publish(Instant now);
}
