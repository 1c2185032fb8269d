package dev.cpq.platform.publication.entity;

import java.util.Optional;

/**
 * The versions of one line of the caller's tenant (the tenant's catalog, one price list), as drafting,
 * editing and publishing need them. Implementations scope every query by the tenant of the token.
 */
public interface VersionLine<V extends PublishableVersion<V>> {

    /**
     * Serializes publication and drafting of the line (a PostgreSQL advisory lock held to the end of
     * the transaction): versions become active strictly in order, and a new draft copies the version
     * that is active now.
     */
    void lockPublication();

    Optional<V> active();

    /**
     * The version, row-locked for the rest of the transaction, so commands on one draft run one after
     * the other; the aggregate's own 404 when the line has no such version.
     */
    V forChange(long version);

    /** Writes pending changes now: the one-active-version index is checked per statement. */
    void flush();

    /** Raises the version's row version: every change of a draft's content is a change of the aggregate. */
    void touch(V version);

    LineName name();

    /** The aggregate id of one version in the audit trail ({@code 42}, {@code standard.v3}). */
    String auditId(V version);
}
