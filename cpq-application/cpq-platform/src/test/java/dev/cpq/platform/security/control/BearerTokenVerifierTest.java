package dev.cpq.platform.security.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.InvalidTokenException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BearerTokenVerifierTest {

    private static RSAKey signingKey;
    private static RSAKey strangerKey;
    private static BearerTokenVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        verifier = new BearerTokenVerifier(new JWKSet(signingKey.toPublicJWK()), "cpq-dev", "cpq");
    }

    @Test
    void validTokenYieldsTenantAndKnownRolesOnly() throws Exception {
        Caller caller = verifier.verify(sign(signingKey, c -> c));
        assertThat(caller.subject()).isEqualTo("alice");
        assertThat(caller.tenant().value()).isEqualTo("tnt-001");
        assertThat(caller.roles()).containsExactly("SALES_AGENT");
    }

    @Test
    void unsignedTokenIsRejected() {
        String none = new PlainJWT(claims(c -> c).build()).serialize();
        assertRejected(none);
    }

    @Test
    void hmacSignedWithThePublicKeyIsRejected() throws Exception {
        // the classic confusion attack: HS256 keyed with the RSA public key bytes
        var header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID("k1").build();
        SignedJWT jwt = new SignedJWT(header, claims(c -> c).build());
        byte[] secret = java.util.Arrays.copyOf(signingKey.toPublicJWK().toRSAPublicKey().getEncoded(), 64);
        jwt.sign(new MACSigner(secret));
        assertRejected(jwt.serialize());
    }

    @Test
    void expiredBeyondSkewIsRejected() throws Exception {
        assertRejected(sign(signingKey, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))));
    }

    @Test
    void expAndNbfAreEnforcedWithAtMostThirtySecondsOfClockSkew() throws Exception {
        verifier.verify(sign(signingKey, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(20)))));
        assertRejected(sign(signingKey, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(40)))));
        verifier.verify(sign(signingKey, c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(20)))));
        assertRejected(sign(signingKey, c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(40)))));
    }

    @Test
    void notYetValidIsRejected() throws Exception {
        assertRejected(sign(signingKey, c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))));
    }

    @Test
    void signedByAnotherKeyIsRejected() throws Exception {
        assertRejected(sign(strangerKey, c -> c));
    }

    @Test
    void tamperedPayloadIsRejected() throws Exception {
        String[] parts = sign(signingKey, c -> c).split("\\.");
        String forged = Base64URL.encode(claims(c -> c.claim("tenant", "tnt-002")).build().toString()).toString();
        assertRejected(parts[0] + "." + forged + "." + parts[2]);
    }

    @Test
    void aRememberedTokenDoesNotVouchForATamperedCopyOfIt() throws Exception {
        String token = sign(signingKey, c -> c);
        assertThat(verifier.verify(token).tenant().value()).isEqualTo("tnt-001");
        assertThat(verifier.verify(token)).isEqualTo(verifier.verify(token));

        String[] parts = token.split("\\.");
        String forged = Base64URL.encode(claims(c -> c.claim("tenant", "tnt-002")).build().toString()).toString();
        assertRejected(parts[0] + "." + forged + "." + parts[2]);
    }

    @Test
    void anExpiredTokenIsRejectedEvenAfterItWasOnceAccepted() throws Exception {
        // exp in the past but within the skew: accepted once; the remembered entry ends with the skew too
        String token = sign(signingKey, c -> c.expirationTime(java.util.Date.from(java.time.Instant.now().minusSeconds(
                BearerTokenVerifier.CLOCK_SKEW_SECONDS + 5))));
        assertRejected(token);
        assertRejected(token);
    }

    @Test
    void wrongIssuerOrAudienceIsRejected() throws Exception {
        assertRejected(sign(signingKey, c -> c.issuer("someone-else")));
        assertRejected(sign(signingKey, c -> c.audience("other-api")));
    }

    @Test
    void missingTenantOrMalformedTenantIsRejected() throws Exception {
        assertRejected(sign(signingKey, c -> c.claim("tenant", null)));
        assertRejected(sign(signingKey, c -> c.claim("tenant", "a:b{c}")));
    }

    @Test
    void oversizedOrGarbageTokenIsRejected() {
        assertRejected("x".repeat(BearerTokenVerifier.MAX_TOKEN_LENGTH + 1));
        assertRejected("not-a-jwt");
        assertRejected("");
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheSkewIsRejected() throws Exception {
        verifier.verify(sign(signingKey, c -> c.issueTime(Date.from(Instant.now().plusSeconds(20)))));
        assertRejected(sign(signingKey, c -> c.issueTime(Date.from(Instant.now().plusSeconds(BearerTokenVerifier.CLOCK_SKEW_SECONDS + 60)))));
    }

    @Test
    void aUserTokenLivingLongerThanTwelveHoursIsRejected() throws Exception {
        Instant now = Instant.now();
        verifier.verify(sign(signingKey, c -> c.issueTime(Date.from(now)).expirationTime(Date.from(now.plus(java.time.Duration.ofHours(12))))));
        assertRejected(sign(signingKey, c -> c.issueTime(Date.from(now)).expirationTime(Date.from(now.plus(java.time.Duration.ofHours(12)).plusSeconds(1)))));
        assertRejected(sign(signingKey, c -> c.issueTime(null).expirationTime(Date.from(now.plus(java.time.Duration.ofDays(30))))));
        assertRejected(sign(signingKey, c -> c.issueTime(Date.from(now.minus(java.time.Duration.ofDays(2)))).expirationTime(Date.from(now.plusSeconds(60)))));
    }

    @Test
    void aServiceTokenIsAServiceCallerOnlyAndNeverPassesForAUsersOrTheOtherWay() throws Exception {
        RSAKey serviceKey = new RSAKeyGenerator(2048).keyID("svc").generate();
        ServiceTokens tokens = new ServiceTokens(java.util.Optional.of(serviceKey), "cpq-service-identity", "cpq-services", "quote",
                java.time.Clock.systemUTC());
        BearerTokenVerifier both = new BearerTokenVerifier(
                new BearerTokenVerifier.TokenKind(new JWKSet(signingKey.toPublicJWK()), "cpq-dev", "cpq", java.time.Duration.ofHours(12), false),
                tokens.verificationKeys().map(keys -> new BearerTokenVerifier.TokenKind(keys, tokens.issuer(), tokens.audience(),
                        ServiceTokens.MAX_LIFETIME, true)));
        var tenant = new dev.cpq.platform.security.entity.TenantId("tnt-001");

        Caller service = both.verify(tokens.tokenFor(tenant));
        assertThat(service.roles()).containsExactly("SERVICE");
        assertThat(service.tenant()).isEqualTo(tenant);
        assertThat(service.subject()).isEqualTo("service:quote");
        assertThat(tokens.tokenFor(tenant)).as("reused while fresh").isEqualTo(tokens.tokenFor(tenant));

        assertThat(both.verify(sign(signingKey, c -> c.claim("roles", List.of("SALES_AGENT", "SERVICE")))).roles())
                .as("a user's token cannot claim SERVICE").containsExactly("SALES_AGENT");
        // a user's key cannot mint a SERVICE token, nor the service's key a user's
        assertThatThrownBy(() -> both.verify(sign(signingKey, c -> c.issuer("cpq-service-identity").audience("cpq-services")
                .claim("roles", List.of("SERVICE"))))).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> both.verify(sign(serviceKey, c -> c))).isInstanceOf(InvalidTokenException.class);
        // a SERVICE token of the service's own key, but living long, or for the users' audience: refused
        Instant now = Instant.now();
        assertThatThrownBy(() -> both.verify(sign(serviceKey, c -> c.issuer("cpq-service-identity").audience("cpq-services")
                .claim("roles", List.of("SERVICE")).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(java.time.Duration.ofHours(1)))))))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> both.verify(sign(serviceKey, c -> c.issuer("cpq-service-identity").audience("cpq")
                .claim("roles", List.of("SERVICE"))))).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify(tokens.tokenFor(tenant))).as("a service without an identity accepts none")
                .isInstanceOf(InvalidTokenException.class);
    }

    private static void assertRejected(String token) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(InvalidTokenException.class)
                .satisfies(e -> assertThat(((InvalidTokenException) e).problem().getStatus()).isEqualTo(401));
    }

    private static JWTClaimsSet.Builder claims(UnaryOperator<JWTClaimsSet.Builder> tweak) {
        var b = new JWTClaimsSet.Builder()
                .subject("alice").issuer("cpq-dev").audience("cpq")
                .claim("tenant", "tnt-001").claim("roles", List.of("SALES_AGENT", "ROOT"))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
        return tweak.apply(b);
    }

    private static String sign(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> tweak) throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims(tweak).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
