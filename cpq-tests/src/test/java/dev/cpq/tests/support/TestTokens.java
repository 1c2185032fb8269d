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
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(required("CPQ_SIGNING_KEY_ID")).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
        return jwt.serialize();
    }

    public static String uniqueTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PrivateKey signingKey() {
        Path pem = Path.of(required("CPQ_SIGNING_KEY"));
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development signing key " + pem, e);
        }
    }

    private static String required(String name) {
        return DeployedSuite.setting(name).orElseThrow(() -> new IllegalStateException(
                name + " is not set: run these tests through `deploy/cpq test`, which exports the token settings."));
    }
}
