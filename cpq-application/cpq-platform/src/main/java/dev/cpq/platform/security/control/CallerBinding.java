package dev.cpq.platform.security.control;

import dev.cpq.platform.security.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The verified caller, bound to the thread that serves its request for exactly as long as the request
 * runs through the web container ({@code CallerBindingFilter} binds it and restores what was there before,
 * in a finally). {@link TenantContext} asks it first: reading the caller off the request through the
 * container's request proxy cost a context lookup each time, and a command asks for its tenant a dozen times.
 */
@ApplicationScoped
public class CallerBinding {

    private final ThreadLocal<Caller> bound = new ThreadLocal<>();

    /** The caller bound to this thread, or null outside a request. */
    public Caller current() {
        return bound.get();
    }

    /** Binds the caller; give the returned previous binding back to {@link #restore} in a finally. */
    public Caller bind(Caller caller) {
        Caller previous = bound.get();
        bound.set(caller);
        return previous;
    }

    public void restore(Caller previous) {
        if (previous == null) {
            bound.remove();
        } else {
            bound.set(previous);
        }
    }
}
