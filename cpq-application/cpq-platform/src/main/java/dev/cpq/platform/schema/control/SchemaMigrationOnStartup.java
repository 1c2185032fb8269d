package dev.cpq.platform.schema.control;

import dev.cpq.platform.config.entity.ServiceIdentity;
import dev.cpq.messaging.outbox.MessagingSchema;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the service's schema to the version this WAR expects before anything else runs. Flyway
 * commits on its own, so this runs outside any container transaction (bean-managed). A failed
 * migration fails the deployment: a service never runs against a schema it does not know.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrationOnStartup {

    private static final Logger LOG = Logger.getLogger(SchemaMigrationOnStartup.class.getName());

    @Inject
    DataSource dataSource;

    @Inject
    ServiceIdentity identity;

    @PostConstruct
    void migrate() {
        long t0 = System.nanoTime();
        Flyway flyway = Flyway.configure(SchemaMigrationOnStartup.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(identity.schema())
                .defaultSchema(identity.schema())
                .createSchemas(false) // deploy/cpq creates each schema owned by its service's role
                .locations(identity.migrationLocation())
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        // then the messaging tables (outbox, inbox, parked events), with their own history
        MigrateResult messaging = MessagingSchema.migrate(dataSource, identity.schema());
        LOG.info(() -> "schema " + identity.schema() + ": " + result.migrationsExecuted + " migration(s) applied, now at "
                + result.targetSchemaVersion + "; messaging tables: " + messaging.migrationsExecuted + " applied, now at "
                + messaging.targetSchemaVersion + "; " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
