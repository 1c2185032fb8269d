package dev.cpq.tests.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.TestTokens;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of bad bearer token, sent to the deployed WAR: 401 with a problem body, never access. */
class BadTokensIT {

    @Test
    void everyKindOfBadTokenIsRejectedWith401() throws Exception {
        String good = TestTokens.token("demo", "SALES_AGENT");
        String[] parts = good.split("\\.");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("alg none", new PlainJWT(claims("demo").build()).serialize());
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims("demo").build());
        hmac.sign(new MACSigner("an attacker's 32+ byte shared secret!!".getBytes()));
        bad.put("HMAC instead of RSA", hmac.serialize());
        SignedJWT stranger = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims("demo").build());
        stranger.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        bad.put("signed by another key", stranger.serialize());
        bad.put("tampered tenant", parts[0] + "." + Base64URL.encode(claims("other-tenant").build().toString()) + "." + parts[2]);
        bad.put("expired", TestTokens.token("demo", java.time.Duration.ofMinutes(-5), "SALES_AGENT"));
        bad.put("oversized", good + "x".repeat(9_000));
        Instant now = Instant.now();
        bad.put("issued in the future", TestTokens.tokenIssuedAt("demo", now.plusSeconds(300), now.plusSeconds(900), "SALES_AGENT"));
        bad.put("living longer than 12 h", TestTokens.tokenIssuedAt("demo", now, now.plus(java.time.Duration.ofHours(13)), "SALES_AGENT"));
        bad.put("not a JWT", "hello");
        for (var e : bad.entrySet()) {
            Reply reply = DeployedSuite.get("/catalog/api/active-version", e.getValue());
            assertThat(reply.status()).as(e.getKey()).isEqualTo(401);
            assertThat(reply.json().get("code").asText()).as(e.getKey()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(DeployedSuite.get("/catalog/api/active-version", good).status()).as("the good token").isEqualTo(200);
    }

    private static JWTClaimsSet.Builder claims(String tenant) {
        return new JWTClaimsSet.Builder().issuer(System.getenv().getOrDefault("CPQ_TOKEN_ISSUER", "cpq-dev"))
                .audience(System.getenv().getOrDefault("CPQ_TOKEN_AUDIENCE", "cpq")).subject("mallory").claim("tenant", tenant)
                .claim("roles", List.of("OPERATOR")).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }
}
