package dev.cpq.catalog.configuration.boundary;

import dev.cpq.catalog.configuration.control.ConfigurationValidation;
import dev.cpq.catalog.configuration.entity.Configuration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /configurations/validate}: violations and the configuration hash of a seller's choice. */
@Path("configurations/validate")
@ApplicationScoped
public class ConfigurationsResource {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private ConfigurationValidation validation;

    protected ConfigurationsResource() {}

    @Inject
    public ConfigurationsResource(ConfigurationValidation validation) {
        this.validation = validation;
    }

    /** One configuration ({@code offeringId}, {@code options}) or, as an extension, a quote's {@code lines}. */
    public record ValidateRequest(@Pattern(regexp = ID) String offeringId,
            @Size(max = 50) Map<@NotBlank @Pattern(regexp = ID) String, @NotBlank @Size(max = 100) String> options,
            @Positive Long catalogVersion,
            @Size(min = 1, max = 100) List<@Valid @NotNull LineRequest> lines) {

        @AssertTrue(message = "give either offeringId with options, or lines")
        public boolean isOneForm() {
            return lines == null ? offeringId != null && !offeringId.isBlank() && options != null : offeringId == null && options == null;
        }
    }

    public record LineRequest(@NotBlank @Pattern(regexp = ID) String offeringId,
            @NotNull @Size(max = 50) Map<@NotBlank @Pattern(regexp = ID) String, @NotBlank @Size(max = 100) String> options) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate options of an offering (or every line of a quote) against the rule graph of a catalog version (given or active)")
    @ApiResponse(responseCode = "200", description = "{valid, violations[], configurationHash, catalogVersion}; with lines[]: {valid, catalogVersion,"
            + " activeCatalogVersion (from the database), lines[]}; invalid configurations are 200 too")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @ApiResponse(responseCode = "404", description = "OFFERING_NOT_FOUND, CATALOG_VERSION_NOT_FOUND, CATALOG_NOT_PUBLISHED")
    @ApiResponse(responseCode = "409", description = "CATALOG_VERSION_NOT_PUBLISHED")
    public Object validate(@Valid @NotNull ValidateRequest body) {
        Optional<Long> version = Optional.ofNullable(body.catalogVersion());
        if (body.lines() != null) {
            return validation.validateAll(body.lines().stream().map(l -> new Configuration(l.offeringId(), l.options())).toList(), version);
        }
        return validation.validate(new Configuration(body.offeringId(), body.options()), version);
    }
}
