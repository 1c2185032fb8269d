package dev.cpq.catalog.configuration.boundary;

import dev.cpq.catalog.configuration.control.ConfigurationValidation;
import dev.cpq.catalog.configuration.entity.Configuration;
import dev.cpq.catalog.configuration.entity.ConfigurationVerdict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

    public record ValidateRequest(@NotBlank @Pattern(regexp = ID) String offeringId,
            @NotNull @Size(max = 50) Map<@NotBlank @Pattern(regexp = ID) String, @NotBlank @Size(max = 100) String> options,
            @Positive Long catalogVersion) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate options of an offering against the rule graph of a catalog version (given or active)")
    @ApiResponse(responseCode = "200", description = "{valid, violations[], configurationHash, catalogVersion}; invalid configurations are 200 too")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @ApiResponse(responseCode = "404", description = "OFFERING_NOT_FOUND, CATALOG_VERSION_NOT_FOUND, CATALOG_NOT_PUBLISHED")
    @ApiResponse(responseCode = "409", description = "CATALOG_VERSION_NOT_PUBLISHED")
    public ConfigurationVerdict validate(@Valid @NotNull ValidateRequest body) {
        return validation.validate(new Configuration(body.offeringId(), body.options()), Optional.ofNullable(body.catalogVersion()));
    }
}
