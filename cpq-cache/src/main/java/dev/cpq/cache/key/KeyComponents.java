package dev.cpq.cache.key;

import java.util.Objects;

/**
 * Validates the parts of a Redis key. A part may not be empty, hold a separator ({@code :}), a hash
 * tag brace, a glob character that would break namespace scans, whitespace or control characters:
 * such a part is refused with an exception, never turned into a broken or colliding key.
 */
public final class KeyComponents {

    static final int MAX_LENGTH = 200;

    private KeyComponents() {}

    public static String require(String name, String value) {
        Objects.requireNonNull(value, () -> "cache key part '" + name + "' is missing");
        if (value.isEmpty()) {
            throw new InvalidCacheKeyException("cache key part '" + name + "' is empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidCacheKeyException("cache key part '" + name + "' is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':' || c == '{' || c == '}' || c == '*' || c == '?' || c == '[' || c == ']' || c == '\\'
                    || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new InvalidCacheKeyException("cache key part '" + name + "' contains a forbidden character at "
                        + i + ": " + printable(value));
            }
        }
        return value;
    }

    /**
     * A key part for text that may hold any character (client subjects, Idempotency-Keys): the first
     * 16 bytes of its SHA-256, in hex. Distinct texts collide only with negligible probability.
     */
    public static String digest(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return shown.codePoints()
                .collect(StringBuilder::new,
                        (b, cp) -> b.append(Character.isISOControl(cp) || Character.isWhitespace(cp) ? '?' : (char) cp),
                        StringBuilder::append)
                .toString();
    }
}
