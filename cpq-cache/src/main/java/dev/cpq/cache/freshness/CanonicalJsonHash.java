package dev.cpq.cache.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * A stable SHA-256 over a JSON value: object members sorted by name, numbers in one canonical form
 * ({@code 10.50} and {@code 10.5} hash alike), arrays kept in their order (order is meaningful; callers
 * sort sets before hashing). Used for configuration hashes, price input hashes and price hashes: the
 * same content always gives the same hash, any change gives another.
 */
public final class CanonicalJsonHash {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private CanonicalJsonHash() {}

    /** {@code prefix:hex} (e.g. {@code cfg-sha256:9f2c...}). */
    public static String of(String prefix, JsonNode value) {
        return prefix + ":" + sha256Hex(canonicalForm(value));
    }

    public static String canonicalForm(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(canonical(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NODES.nullNode();
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                names.add(it.next());
            }
            names.sort(String::compareTo);
            ObjectNode sorted = NODES.objectNode();
            for (String name : names) {
                sorted.set(name, canonical(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            for (JsonNode element : node) {
                array.add(canonical(element));
            }
            return array;
        }
        if (node.isNumber()) {
            // one spelling per value: 10.50, 10.5 and 1.05E1 are the same number
            BigDecimal d = node.decimalValue();
            return NODES.numberNode(d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
        }
        return node;
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
