package dev.cpq.platform.security.control;

import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.InvalidTokenException;
import dev.cpq.platform.security.entity.TenantId;
import jakarta.enterprise.context.RequestScoped;

/**
 * The verified caller of the current request. Repositories ask it for the tenant; nothing else may
 * supply one, so a request can never name the tenant it acts for.
 */
@RequestScoped
public class TenantContext {

    private Caller caller;

    public void authenticate(Caller verified) {
        if (caller != null && !caller.equals(verified)) {
            throw new IllegalStateException("a request has exactly one caller");
        }
        this.caller = verified;
    }

    public Caller caller() {
        if (caller == null) {
            throw new InvalidTokenException("A bearer token is required.");
        }
        return caller;
    }

    public TenantId tenant() {
        return caller().tenant();
    }
}
