package dev.cpq.platform.security.boundary;

import dev.cpq.platform.security.control.BearerTokenVerifier;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.InvalidTokenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Jakarta Security authentication of bearer tokens: a verified token logs its subject in with its roles
 * as groups (mapped one to one onto the application's roles), so container role checks and JAX-RS
 * {@code @RolesAllowed} agree. A missing or bad token does not answer here: the JAX-RS filter answers
 * protected endpoints with a problem body, and public ones (health, metrics) never need a token.
 */
@ApplicationScoped
public class BearerTokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String CALLER = Caller.REQUEST_ATTRIBUTE;
    static final String REJECTION = InvalidTokenException.class.getName();
    private static final String BEARER = "Bearer ";

    private BearerTokenVerifier verifier;

    protected BearerTokenAuthenticationMechanism() {}

    @Inject
    public BearerTokenAuthenticationMechanism(BearerTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return context.doNothing();
        }
        try {
            Caller caller = verifier.verify(header.substring(BEARER.length()).trim());
            request.setAttribute(CALLER, caller);
            return context.notifyContainerAboutLogin(caller.subject(), caller.roles());
        } catch (InvalidTokenException e) {
            request.setAttribute(REJECTION, e);
            return context.doNothing();
        }
    }
}
