package dev.cpq.platform.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cpq.platform.config.control.ServiceConfiguration;
import dev.cpq.platform.config.entity.ServiceIdentity;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.platform.security.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's identity for calls that no user request carries (consumers, workers, schedulers): a
 * short-lived RS256 token with role {@link Roles#SERVICE} only, the tenant of the work at hand, and an
 * issuer and audience of its own, signed with the service's own key (not the user token issuer's), so a
 * SERVICE token never passes for a user's and a user's never for a SERVICE token. Tokens are minted on
 * demand per tenant and reused until half their life is gone.
 */
@ApplicationScoped
public class ServiceTokens {

    /** How long a minted token lives. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    /** The longest lifetime a SERVICE token may claim and still be accepted. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    private Optional<RSAKey> key;
    private String issuer;
    private String audience;
    private String subject;
    private Clock clock;
    private final ConcurrentHashMap<TenantId, Minted> minted = new ConcurrentHashMap<>();

    private record Minted(String token, Instant renewAt) {}

    protected ServiceTokens() {}

    @Inject
    public ServiceTokens(ServiceConfiguration configuration, ServiceIdentity identity) {
        this(configuration.serviceIdentityKeyFile().map(ServiceTokens::readKey), configuration.serviceTokenIssuer(),
                configuration.serviceTokenAudience(), identity.name(), Clock.systemUTC());
        if (configuration.serviceTokenIssuer().equals(configuration.tokenIssuer())) {
            throw new IllegalStateException(ServiceConfiguration.SERVICE_IDENTITY_ISSUER + " must differ from " + ServiceConfiguration.AUTH_ISSUER);
        }
    }

    /** For tests: the key (or none), issuer, audience, service name and clock. */
    public ServiceTokens(Optional<RSAKey> key, String issuer, String audience, String serviceName, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.subject = "service:" + serviceName;
        this.clock = clock;
    }

    /** Whether this service holds a key to act as itself. */
    public boolean available() {
        return key.isPresent();
    }

    /** The caller a scheduled job or consumer binds while it works for {@code tenant}. */
    public Caller callerFor(TenantId tenant) {
        return new Caller(subject, tenant, Set.of(Roles.SERVICE));
    }

    /** Whether {@code caller} is a service acting for itself rather than a user. */
    public static boolean isService(Caller caller) {
        return caller.hasRole(Roles.SERVICE);
    }

    /** A SERVICE token for {@code tenant}, valid for at least half of {@link #LIFETIME}. */
    public String tokenFor(TenantId tenant) {
        RSAKey signing = key.orElseThrow(() -> new IllegalStateException("this service has no identity of its own: "
                + ServiceConfiguration.SERVICE_IDENTITY_KEY_FILE + " is not set"));
        Instant now = clock.instant();
        Minted known = minted.get(tenant);
        if (known != null && now.isBefore(known.renewAt())) {
            return known.token();
        }
        String token = mint(signing, tenant, now);
        minted.put(tenant, new Minted(token, now.plus(LIFETIME.dividedBy(2))));
        return token;
    }

    /** The public half of the key, which every service verifies SERVICE tokens with. */
    public Optional<JWKSet> verificationKeys() {
        return key.map(k -> new JWKSet(k.toPublicJWK()));
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    private String mint(RSAKey signing, TenantId tenant, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject).claim("tenant", tenant.value())
                .claim("roles", List.of(Roles.SERVICE)).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME))).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(signing.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signing));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a service token", e);
        }
        return jwt.serialize();
    }

    /** Reads an RSA private key in PKCS#8 PEM ({@code openssl genpkey}); its public half is derived from it. */
    public static RSAKey readKey(Path file) {
        try {
            String pem = Files.readString(file).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            return new RSAKey.Builder(key).keyID("service-" + key.computeThumbprint().toString().substring(0, 16)).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service identity key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException | JOSEException e) {
            throw new IllegalStateException("the service identity key in " + file + " is no RSA private key in PKCS#8 PEM", e);
        }
    }
}
