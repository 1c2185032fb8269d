package dev.cpq.tests.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints bearer tokens with the development key that {@code deploy/cpq} generated, exactly as the
 * {@code deploy/cpq token} command does, so tests act as any tenant and role.
 */
public final class TestTokens {

    private TestTokens() {}

    public static String token(String tenant, String... roles) {
        return token(tenant, Duration.ofMinutes(10), roles);
    }

    public static String token(String tenant, Duration ttl, String... roles) {
        return tokenOf(tenant, "test-" + tenant, ttl, roles);
    }

    /** A token of a named user (its {@code sub}), for scenarios where who owns what matters. */
    public static String tokenOf(String tenant, String subject, String... roles) {
        return tokenOf(tenant, subject, Duration.ofMinutes(10), roles);
    }

    public static String tokenOf(String tenant, String subject, Duration ttl, String... roles) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(required("CPQ_TOKEN_ISSUER"))
                .audience(required("CPQ_TOKEN_AUDIENCE"))
                .subject(subject)
                .claim("tenant", tenant)
                .claim("roles", List.of(roles))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return signed(claims, required("CPQ_SIGNING_KEY_ID"), readKey(Path.of(required("CPQ_SIGNING_KEY"))));
    }

    /**
     * A token of {@code roles} issued at {@code issuedAt} and expiring at {@code expiresAt}, signed with the
     * development key (to try tokens from the future or living too long).
     */
    public static String tokenIssuedAt(String tenant, Instant issuedAt, Instant expiresAt, String... roles) {
        var claims = new JWTClaimsSet.Builder().issuer(required("CPQ_TOKEN_ISSUER")).audience(required("CPQ_TOKEN_AUDIENCE"))
                .subject("test-" + tenant).claim("tenant", tenant).claim("roles", List.of(roles)).issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt)).jwtID(UUID.randomUUID().toString()).build();
        return signed(claims, required("CPQ_SIGNING_KEY_ID"), readKey(Path.of(required("CPQ_SIGNING_KEY"))));
    }

    /**
     * A SERVICE token for {@code tenant}, as quote-service mints its own for its schedule: the services' key
     * ({@code CPQ_SERVICE_IDENTITY_KEY_FILE}), issuer {@code cpq-service-identity}, audience {@code cpq-services}.
     */
    public static String serviceToken(String tenant) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder().issuer("cpq-service-identity").audience("cpq-services").subject("service:quote")
                .claim("tenant", tenant).claim("roles", List.of("SERVICE")).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).jwtID(UUID.randomUUID().toString()).build();
        // no key id: the services know one SERVICE key and try it (theirs is named after its thumbprint)
        return signed(claims, null, readKey(Path.of(required("CPQ_SERVICE_IDENTITY_KEY_FILE"))));
    }

    private static String signed(JWTClaimsSet claims, String keyId, PrivateKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keyId).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
        return jwt.serialize();
    }

    public static String uniqueTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PrivateKey readKey(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key " + pem, e);
        }
    }

    private static String required(String name) {
        return DeployedSuite.setting(name).orElseThrow(() -> new IllegalStateException(
                name + " is not set: run these tests through `deploy/cpq test`, which exports the token settings."));
    }
}
