package dev.cpq.cache.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A Lua script shipped as a resource, with the SHA-1 digest Redis knows it by. */
public record RedisScript(String name, String source, String sha1) {

    public static RedisScript load(String resourceName) {
        try (InputStream in = RedisScript.class.getResourceAsStream("/dev/cpq/cache/" + resourceName)) {
            Objects.requireNonNull(in, () -> "script resource missing: " + resourceName);
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new RedisScript(resourceName, source, sha1Hex(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the Java platform", e);
        }
    }
}
