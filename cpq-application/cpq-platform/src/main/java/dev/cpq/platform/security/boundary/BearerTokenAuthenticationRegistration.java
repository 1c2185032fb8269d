package dev.cpq.platform.security.boundary;

import dev.cpq.platform.security.control.BearerTokenVerifier;
import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Registers the bearer-token module for the WAR as it starts, and removes it as it stops. */
@WebListener
public class BearerTokenAuthenticationRegistration implements ServletContextListener {

    // the container creates listeners with their no-argument constructor: field injection is the only kind
    @Inject
    BearerTokenVerifier verifier;

    private String registration;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        registration = AuthConfigFactory.getFactory().registerServerAuthModule(new BearerTokenServerAuthModule(verifier),
                event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (registration != null) {
            AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
        }
    }
}
