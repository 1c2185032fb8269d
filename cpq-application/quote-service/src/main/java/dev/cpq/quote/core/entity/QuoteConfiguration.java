package dev.cpq.quote.core.entity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cpq.cache.freshness.CanonicalJsonHash;
import java.util.List;

/**
 * The quote's configuration hash: a canonical SHA-256 over its lines' configuration hashes (as catalog
 * gave them) in line order, {@code cfg-sha256:} like catalog's. Reordering lines changes it; it is
 * recomputed at submit from fresh validations and must match.
 */
public final class QuoteConfiguration {

    public static final String PREFIX = "cfg-sha256";

    private QuoteConfiguration() {}

    public static String hashOf(List<String> lineConfigurationHashes) {
        ArrayNode hashes = JsonNodeFactory.instance.arrayNode();
        lineConfigurationHashes.forEach(hashes::add);
        return CanonicalJsonHash.of(PREFIX, hashes);
    }
}
