package dev.cpq.platform.security.control;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.cpq.platform.config.control.ServiceConfiguration;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.InvalidTokenException;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.platform.security.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.text.ParseException;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import com.nimbusds.jose.JOSEException;

/**
 * Verifies RS256-signed JWTs against the configured key set. Only RS256 is accepted, so unsigned
 * ({@code alg: none}) and HMAC-confused tokens fail at key selection; exp/nbf are checked with a
 * small clock skew; issuer, audience and the claims the suite needs are mandatory. A token issued in the
 * future (beyond the skew) or claiming a lifetime ({@code exp - iat}) above the maximum is refused: a
 * stolen long-lived token is worth more than a short one. Two kinds are accepted, told apart by their
 * issuer and each checked with its own keys and audience: users' tokens (roles of {@link Roles#ALL} only,
 * at most {@link ServiceConfiguration#maxUserTokenLifetime()}) and, when the service has an identity,
 * SERVICE tokens ({@link ServiceTokens}: role SERVICE and nothing else, at most {@link ServiceTokens#MAX_LIFETIME}).
 */
@ApplicationScoped
public class BearerTokenVerifier {

    /** A real token of ours is well under 2 KiB; anything this large is an attack or a mistake. */
    public static final int MAX_TOKEN_LENGTH = 8 * 1024;
    static final int CLOCK_SKEW_SECONDS = 30;
    static final Duration DEFAULT_MAX_USER_LIFETIME = Duration.ofHours(12);

    /** Verified tokens are remembered this long at most (and never past their own expiry). */
    static final long REMEMBER_MILLIS = 5 * 60_000L;
    static final int REMEMBERED_MAX = 10_000;

    /** One kind of token: who issues it, for whom, with which keys, how long it may live, and whether it is a service's. */
    public record TokenKind(JWKSet keys, String issuer, String audience, Duration maxLifetime, boolean service) {}

    private Acceptance users;
    private Optional<Acceptance> services;

    private record Acceptance(ConfigurableJWTProcessor<SecurityContext> processor, TokenKind kind) {}

    /**
     * Tokens already verified, with their caller and validity window: a client sends the same token on
     * every request, and re-checking its RS256 signature each time was a fifth of a cached read's cost.
     * Keyed by the whole token, so a changed byte is a miss and goes through full verification.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    private record Verified(Caller caller, long notBeforeMillis, long rememberUntilMillis) {}

    protected BearerTokenVerifier() {}

    @Inject
    public BearerTokenVerifier(ServiceConfiguration configuration, ServiceTokens serviceTokens) {
        this(new TokenKind(loadKeys(configuration), configuration.tokenIssuer(), configuration.tokenAudience(),
                configuration.maxUserTokenLifetime(), false),
                serviceTokens.verificationKeys().map(keys -> new TokenKind(keys, serviceTokens.issuer(), serviceTokens.audience(),
                        ServiceTokens.MAX_LIFETIME, true)));
    }

    /** Users' tokens only, living at most 12 h. */
    public BearerTokenVerifier(JWKSet keys, String issuer, String audience) {
        this(new TokenKind(keys, issuer, audience, DEFAULT_MAX_USER_LIFETIME, false), Optional.empty());
    }

    public BearerTokenVerifier(TokenKind users, Optional<TokenKind> services) {
        if (services.isPresent() && services.get().issuer().equals(users.issuer())) {
            throw new IllegalArgumentException("SERVICE tokens need an issuer of their own");
        }
        this.users = new Acceptance(processor(users), users);
        this.services = services.map(kind -> new Acceptance(processor(kind), kind));
    }

    private static ConfigurableJWTProcessor<SecurityContext> processor(TokenKind kind) {
        var p = new DefaultJWTProcessor<SecurityContext>();
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(kind.keys())));
        var claims = new DefaultJWTClaimsVerifier<SecurityContext>(kind.audience(),
                new JWTClaimsSet.Builder().issuer(kind.issuer()).build(),
                Set.of("sub", "tenant", "roles", "exp"));
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    public Caller verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("A bearer token is required.");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("The bearer token is too large.");
        }
        long now = System.currentTimeMillis();
        Verified known = verified.get(token);
        if (known != null) {
            if (now >= known.notBeforeMillis() && now < known.rememberUntilMillis()) {
                return known.caller();
            }
            verified.remove(token, known);
        }
        JWTClaimsSet claims;
        Acceptance acceptance;
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            String issuer = jwt.getJWTClaimsSet().getIssuer();
            acceptance = services.filter(s -> s.kind().issuer().equals(issuer)).orElse(users);
            claims = acceptance.processor().process(jwt, null);
        } catch (ParseException e) {
            throw new InvalidTokenException("The bearer token is not a JWT.");
        } catch (BadJOSEException e) {
            throw new InvalidTokenException("The bearer token was rejected: " + e.getMessage());
        } catch (JOSEException e) {
            throw new InvalidTokenException("The bearer token could not be verified.");
        }
        checkLifetime(claims, acceptance.kind().maxLifetime(), now);
        Caller caller = acceptance.kind().service() ? serviceCaller(claims) : caller(claims);
        remember(token, caller, claims, now);
        return caller;
    }

    /** Issued no later than now (with the skew), and meant to live no longer than {@code max}. */
    private static void checkLifetime(JWTClaimsSet claims, Duration max, long now) {
        long skew = CLOCK_SKEW_SECONDS * 1_000L;
        Date issued = claims.getIssueTime();
        if (issued != null && issued.getTime() > now + skew) {
            throw new InvalidTokenException("The bearer token was issued in the future.");
        }
        long from = issued == null ? now : issued.getTime();
        if (claims.getExpirationTime().getTime() - from > max.toMillis()) {
            throw new InvalidTokenException("The bearer token lives longer than the " + max.toSeconds() + " s allowed.");
        }
    }

    private void remember(String token, Caller caller, JWTClaimsSet claims, long now) {
        long skew = CLOCK_SKEW_SECONDS * 1_000L;
        long expires = claims.getExpirationTime().getTime() + skew;
        long notBefore = claims.getNotBeforeTime() == null ? Long.MIN_VALUE : claims.getNotBeforeTime().getTime() - skew;
        if (verified.size() >= REMEMBERED_MAX) {
            verified.values().removeIf(v -> v.rememberUntilMillis() <= now);
            if (verified.size() >= REMEMBERED_MAX) {
                verified.clear(); // bounded memory beats a perfect hit rate
            }
        }
        verified.put(token, new Verified(caller, notBefore, Math.min(expires, now + REMEMBER_MILLIS)));
    }

    /** A SERVICE token carries the role SERVICE, and nothing else counts. */
    private static Caller serviceCaller(JWTClaimsSet claims) {
        try {
            List<String> roles = claims.getStringListClaim("roles");
            if (roles == null || !roles.contains(Roles.SERVICE)) {
                throw new InvalidTokenException("A service token must carry the role SERVICE.");
            }
            return new Caller(claims.getSubject(), new TenantId(claims.getStringClaim("tenant")), Set.of(Roles.SERVICE));
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidTokenException("The bearer token's tenant or roles claim is malformed.");
        }
    }

    private static Caller caller(JWTClaimsSet claims) {
        try {
            List<String> roles = claims.getStringListClaim("roles");
            Set<String> known = new HashSet<>(roles == null ? List.of() : roles);
            known.retainAll(Roles.ALL);
            return new Caller(claims.getSubject(), new TenantId(claims.getStringClaim("tenant")), known);
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidTokenException("The bearer token's tenant or roles claim is malformed.");
        }
    }

    private static JWKSet loadKeys(ServiceConfiguration configuration) {
        try {
            return JWKSet.load(configuration.jwksFile().toFile());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read the token verification keys from " + configuration.jwksFile(), e);
        }
    }
}
