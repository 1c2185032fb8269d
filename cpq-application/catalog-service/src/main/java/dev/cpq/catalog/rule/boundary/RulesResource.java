package dev.cpq.catalog.rule.boundary;

import dev.cpq.catalog.core.entity.ConfigurationRule;
import dev.cpq.catalog.core.entity.OptionValue;
import dev.cpq.catalog.core.entity.RuleKind;
import dev.cpq.catalog.rule.control.RuleEditing;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.entity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code PUT /catalog-versions/{v}/rules/{family}}: the configuration rules of a family in a draft. */
@Path("catalog-versions/{version}/rules")
@ApplicationScoped
public class RulesResource {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private RuleEditing editing;

    protected RulesResource() {}

    @Inject
    public RulesResource(RuleEditing editing) {
        this.editing = editing;
    }

    public record OptionValueRequest(@NotBlank @Pattern(regexp = ID) String option, @NotBlank @Size(max = 100) String value) {}

    /** {@code when} requires (or excludes) {@code then}. */
    public record RuleRequest(@Valid @NotNull OptionValueRequest when, @Valid @NotNull OptionValueRequest then) {}

    public record RulesRequest(@NotNull @Size(max = 200) List<@Valid @NotNull RuleRequest> requires,
            @NotNull @Size(max = 200) List<@Valid @NotNull RuleRequest> excludes) {}

    public record RuleView(OptionValue when, OptionValue then) {}

    public record RulesView(long catalogVersion, String family, List<RuleView> requires, List<RuleView> excludes) {

        static RulesView of(long version, String family, List<ConfigurationRule> rules) {
            return new RulesView(version, family, of(rules, RuleKind.REQUIRES), of(rules, RuleKind.EXCLUDES));
        }

        private static List<RuleView> of(List<ConfigurationRule> rules, RuleKind kind) {
            return rules.stream().filter(r -> r.kind() == kind).map(r -> new RuleView(r.when(), r.then())).toList();
        }
    }

    @PUT
    @Path("{family}")
    @Operation(summary = "Replace the configuration rules of an offering family in a draft catalog version")
    @ApiResponse(responseCode = "200", description = "Stored; ETag is the draft's new version")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (also: a rule names an option value no offering of the family has;"
            + " requires[i] and excludes[j] relate the same pair; a rule relates an option to itself)")
    @ApiResponse(responseCode = "404", description = "CATALOG_VERSION_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "CATALOG_VERSION_NOT_DRAFT")
    @ApiResponse(responseCode = "412", description = "CATALOG_VERSION_CONFLICT")
    @ApiResponse(responseCode = "428", description = "PRECONDITION_REQUIRED")
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("version") @Positive long version, @PathParam("family") @Pattern(regexp = ID) String family,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull RulesRequest body) {
        ExpectedVersion expected = ExpectedVersion.fromIfMatch(ifMatch);
        List<ConfigurationRule> rules = ConfigurationRule.listOf(proposed(body.requires()), proposed(body.excludes()));
        RuleEditing.Edited edited = editing.putRules(version, expected, family, rules);
        return Response.ok(RulesView.of(version, family, edited.ruleSet().rules()))
                .header(HttpHeaders.ETAG, IdempotentCommandResponses.etag(edited.catalog().rowVersion()))
                .build();
    }

    private static List<ConfigurationRule.Proposed> proposed(List<RuleRequest> rules) {
        return rules.stream().map(r -> new ConfigurationRule.Proposed(new OptionValue(r.when().option(), r.when().value()),
                new OptionValue(r.then().option(), r.then().value()))).toList();
    }
}
