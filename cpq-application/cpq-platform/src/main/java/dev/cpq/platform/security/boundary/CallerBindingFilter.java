package dev.cpq.platform.security.boundary;

import dev.cpq.platform.security.control.CallerBinding;
import dev.cpq.platform.security.entity.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import java.io.IOException;

/**
 * Binds the caller that {@link BearerTokenServerAuthModule} verified (authentication runs before any
 * filter) to the serving thread for the rest of the request, and unbinds it however the request ends.
 */
@WebFilter(filterName = "cpq-caller-binding", urlPatterns = "/*")
public class CallerBindingFilter implements Filter {

    // the container creates filters with their no-argument constructor: field injection is the only kind
    @Inject
    CallerBinding binding;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller)) {
            chain.doFilter(request, response);
            return;
        }
        Caller previous = binding.bind(caller);
        try {
            chain.doFilter(request, response);
        } finally {
            binding.restore(previous);
        }
    }
}
