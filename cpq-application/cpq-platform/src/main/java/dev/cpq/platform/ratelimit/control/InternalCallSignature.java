package dev.cpq.platform.ratelimit.control;

import dev.cpq.platform.config.control.ServiceConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Marks a call one service makes to another on behalf of a request it is serving (quote asking catalog
 * and pricing while it submits, pricing asking catalog): an HMAC-SHA256, under a key only the services
 * hold, over the call's method, path and query, the instant it was made, the request id and the caller's
 * tenant and subject (subjects are only unique within a tenant: a mark made for one tenant's {@code alice}
 * is not another tenant's {@code alice}'s). The rate limiter does not count a call that bears a valid mark, because the request it serves
 * was counted when it came in: a partner's submit costs one request of its quota, not three. A mark is
 * honoured only for that call and within {@link #VALIDITY} of its instant either way (clock skew between
 * hosts): one seen (a log, a proxy) cannot be replayed on another path or later to skip the limit.
 * Without a configured key nothing is marked and everything counts.
 */
@ApplicationScoped
public class InternalCallSignature {

    /** The header that carries the mark. */
    public static final String HEADER = "X-Cpq-Internal-Call";
    private static final String ALGORITHM = "HmacSHA256";
    /** How long a mark is honoured after (and, for a receiver's clock behind, before) its instant. */
    public static final Duration VALIDITY = Duration.ofSeconds(30);

    private Optional<SecretKeySpec> key;
    private Clock clock;

    protected InternalCallSignature() {}

    @Inject
    public InternalCallSignature(ServiceConfiguration configuration) {
        this(configuration.internalCallKeyFile().map(InternalCallSignature::read), Clock.systemUTC());
    }

    /** For tests: a key given as bytes, or none, and the clock marks are made and judged by. */
    public InternalCallSignature(Optional<byte[]> key, Clock clock) {
        this.key = key.map(k -> new SecretKeySpec(k, ALGORITHM));
        this.clock = clock;
    }

    /**
     * The mark for a call of {@code method} to {@code target} made now for {@code requestId} on behalf of
     * {@code subject} of {@code tenant}, if a key is configured: {@code <epoch seconds>.<base64url HMAC>}.
     */
    public Optional<String> sign(String method, URI target, String requestId, String tenant, String subject) {
        long instant = clock.instant().getEpochSecond();
        return key.map(k -> instant + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac(k, method, target, instant, requestId, tenant, subject)));
    }

    /**
     * Whether {@code mark} is this deployment's mark for this very call (method, path and query, request
     * id, tenant, subject), made within {@link #VALIDITY} of now (constant-time comparison).
     */
    public boolean verifies(String mark, String method, URI target, String requestId, String tenant, String subject) {
        if (key.isEmpty() || mark == null || method == null || target == null || requestId == null || tenant == null || subject == null) {
            return false;
        }
        int dot = mark.indexOf('.');
        if (dot < 1 || dot > 19) {
            return false;
        }
        long instant;
        byte[] given;
        try {
            instant = Long.parseLong(mark.substring(0, dot));
            given = Base64.getUrlDecoder().decode(mark.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - instant) > VALIDITY.toSeconds()) {
            return false; // replayed after its time, or made by a clock too far ahead
        }
        return MessageDigest.isEqual(given, mac(key.get(), method, target, instant, requestId, tenant, subject));
    }

    /** Path and query as they travel (raw), so sender and receiver see the same text. */
    private static String pathAndQuery(URI target) {
        String path = target.getRawPath() == null ? "" : target.getRawPath();
        return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
    }

    private static byte[] mac(SecretKeySpec key, String method, URI target, long instant, String requestId, String tenant, String subject) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            String signed = String.join("\n", "cpq-internal-call/3", method.toUpperCase(java.util.Locale.ROOT), pathAndQuery(target),
                    Long.toString(instant), requestId, tenant, subject);
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
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
