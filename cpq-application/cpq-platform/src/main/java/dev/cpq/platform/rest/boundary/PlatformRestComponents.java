package dev.cpq.platform.rest.boundary;

import dev.cpq.platform.audit.boundary.AuditResource;
import dev.cpq.platform.cache.boundary.CacheBypassRequests;
import dev.cpq.platform.cache.boundary.CacheOperationsResource;
import dev.cpq.platform.health.boundary.HealthResource;
import dev.cpq.platform.json.boundary.JsonMapping;
import dev.cpq.platform.json.boundary.StrictJsonBody;
import dev.cpq.platform.messaging.boundary.OutboxOperationsResource;
import dev.cpq.platform.metrics.boundary.MetricsResource;
import dev.cpq.platform.openapi.boundary.OpenApiResource;
import dev.cpq.platform.observability.boundary.RequestCorrelation;
import dev.cpq.platform.precondition.boundary.OptimisticLockMappers;
import dev.cpq.platform.problem.boundary.ConstraintViolationExceptionMapper;
import dev.cpq.platform.ratelimit.boundary.ClientRateLimit;
import dev.cpq.platform.web.boundary.CrossOriginRequests;
import dev.cpq.platform.problem.boundary.JsonInputExceptionMapper;
import dev.cpq.platform.problem.boundary.ProblemExceptionMapper;
import dev.cpq.platform.problem.boundary.RequestSizeLimit;
import dev.cpq.platform.problem.boundary.UnexpectedFailureMapper;
import dev.cpq.platform.problem.boundary.WebApplicationExceptionMapper;
import dev.cpq.platform.security.boundary.BearerTokenAuthenticationFilter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * What every WAR's JAX-RS application registers besides its own resources: listed explicitly rather
 * than scanned, so a service gets exactly the platform's rules and nothing by accident.
 */
public final class PlatformRestComponents {

    private PlatformRestComponents() {}

    public static Set<Class<?>> classes() {
        return Set.of(
                JsonMapping.class,
                StrictJsonBody.class,
                ProblemExceptionMapper.class,
                RequestSizeLimit.class,
                RequestCorrelation.class,
                CrossOriginRequests.class,
                ClientRateLimit.class,
                WebApplicationExceptionMapper.class,
                JsonInputExceptionMapper.class,
                ConstraintViolationExceptionMapper.class,
                UnexpectedFailureMapper.class,
                OptimisticLockMappers.AtFlush.class,
                OptimisticLockMappers.AtCommit.class,
                BearerTokenAuthenticationFilter.class,
                RolesAllowedDynamicFeature.class,
                HealthResource.class,
                MetricsResource.class,
                OutboxOperationsResource.class,
                CacheOperationsResource.class,
                CacheBypassRequests.class,
                AuditResource.class,
                OpenApiResource.class);
    }

    /** Jackson for JSON, with our problem mappers instead of Jersey's plain-text ones. */
    public static Set<Object> singletons() {
        return Set.of(JacksonFeature.withoutExceptionMappers());
    }

    /**
     * No JAX-RS providers picked up from {@code META-INF/services} of the server's modules: GlassFish's
     * MicroProfile JWT module contributes a second {@code @RolesAllowed} filter that way, which asked
     * Jakarta Security for the caller on every request (a failed class lookup each time). Roles are checked
     * once, by Jersey's filter against the verified token's caller. No WADL either: Jersey serves it at
     * {@code application.wadl} and as the body of every OPTIONS answer, naming itself and its version
     * ({@code generatedBy="Jersey: 3.1.9 ..."}); the API's description is {@code openapi.json}.
     */
    public static Map<String, Object> properties() {
        return Map.of(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true, ServerProperties.WADL_FEATURE_DISABLE, true);
    }

    public static Set<Class<?>> with(Class<?>... serviceClasses) {
        Set<Class<?>> all = new HashSet<>(classes());
        all.addAll(Set.of(serviceClasses));
        return Set.copyOf(all);
    }
}
