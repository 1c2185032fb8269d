package dev.cpq.platform.security.boundary;

import dev.cpq.platform.security.control.BearerTokenVerifier;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.InvalidTokenException;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Jakarta Authentication of bearer tokens: a verified token logs its subject in with its roles as
 * groups (mapped one to one onto the application's roles), so container role checks and JAX-RS
 * {@code @RolesAllowed} agree. A missing or bad token does not answer here: the request goes on
 * unauthenticated and the JAX-RS filter answers protected endpoints with a problem body, while public
 * ones (health, metrics) never need a token. Registered directly with the container
 * ({@link BearerTokenAuthenticationRegistration}): the Jakarta Security bridge it replaces looked the
 * mechanism up as a CDI bean, through JNDI, on every request.
 */
public class BearerTokenServerAuthModule implements ServerAuthModule {

    static final String CALLER = Caller.REQUEST_ATTRIBUTE;
    static final String REJECTION = InvalidTokenException.class.getName();
    private static final String BEARER = "Bearer ";

    private final BearerTokenVerifier verifier;
    private CallbackHandler container;

    public BearerTokenServerAuthModule(BearerTokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.container = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return anonymous(client);
        }
        Caller caller;
        try {
            caller = verifier.verify(header.substring(BEARER.length()).trim());
        } catch (InvalidTokenException e) {
            request.setAttribute(REJECTION, e);
            return anonymous(client);
        }
        request.setAttribute(CALLER, caller);
        tell(new CallerPrincipalCallback(client, caller.subject()), new GroupPrincipalCallback(client, caller.roles().toArray(String[]::new)));
        return AuthStatus.SUCCESS;
    }

    /** The servlet profile's way to let a request through without a caller. */
    private AuthStatus anonymous(Subject client) throws AuthException {
        tell(new CallerPrincipalCallback(client, (Principal) null));
        return AuthStatus.SUCCESS;
    }

    private void tell(Callback... callbacks) throws AuthException {
        try {
            container.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            AuthException failure = new AuthException("the container refused the authentication result");
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }
}
