package dev.cpq.platform.ratelimit.control;

import dev.cpq.platform.config.control.ServiceConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Marks a call one service makes to another on behalf of a request it is serving (quote asking catalog
 * and pricing while it submits): an HMAC-SHA256, under a key only the services hold, over the request id
 * and the caller's subject the call carries. The rate limiter does not count a call that bears a valid
 * mark, because the request it serves was counted when it came in: a partner's submit costs one request
 * of its quota, not three. Without a configured key nothing is marked and everything counts.
 */
@ApplicationScoped
public class InternalCallSignature {

    /** The header that carries the mark. */
    public static final String HEADER = "X-Cpq-Internal-Call";
    private static final String ALGORITHM = "HmacSHA256";

    private Optional<SecretKeySpec> key;

    protected InternalCallSignature() {}

    @Inject
    public InternalCallSignature(ServiceConfiguration configuration) {
        this(configuration.internalCallKeyFile().map(InternalCallSignature::read));
    }

    /** For tests: a key given as bytes, or none. */
    public InternalCallSignature(Optional<byte[]> key) {
        this.key = key.map(k -> new SecretKeySpec(k, ALGORITHM));
    }

    /** The mark for a call made for {@code requestId} on behalf of {@code subject}, if a key is configured. */
    public Optional<String> sign(String requestId, String subject) {
        return key.map(k -> Base64.getUrlEncoder().withoutPadding().encodeToString(mac(k, requestId, subject)));
    }

    /** Whether {@code mark} is this deployment's mark for that request id and subject (constant-time). */
    public boolean verifies(String mark, String requestId, String subject) {
        if (key.isEmpty() || mark == null || requestId == null || subject == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(mark);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(key.get(), requestId, subject));
    }

    private static byte[] mac(SecretKeySpec key, String requestId, String subject) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((requestId + "\n" + subject).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            byte[] key = HexFormat.of().parseHex(Files.readString(file).trim());
            if (key.length < 32) {
                throw new IllegalStateException("the internal call key in " + file + " must hold at least 32 bytes (64 hex digits)");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the internal call key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the internal call key in " + file + " is not hex", e);
        }
    }
}
