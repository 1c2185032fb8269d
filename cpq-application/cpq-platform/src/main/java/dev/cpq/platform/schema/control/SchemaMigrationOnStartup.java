package dev.cpq.platform.schema.control;

import dev.cpq.platform.config.entity.ServiceIdentity;
import dev.cpq.messaging.outbox.MessagingSchema;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.net.URLConnection;
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
        // A redeployment unpacks new jars to the same paths; the JVM's cache of opened jar files may
        // still hold the previous deployment's jar and not see new migrations. Read them uncached.
        boolean cached = URLConnection.getDefaultUseCaches("jar");
        URLConnection.setDefaultUseCaches("jar", false);
        try {
            migrateSchema();
        } finally {
            URLConnection.setDefaultUseCaches("jar", cached);
        }
    }

    private void migrateSchema() {
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
        // then the platform's tables (idempotency) and the messaging tables (outbox, inbox, parked
        // events), each template with a history of its own
        Flyway.configure(SchemaMigrationOnStartup.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(identity.schema())
                .defaultSchema(identity.schema())
                .createSchemas(false)
                .table("flyway_platform_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .locations("classpath:dev/cpq/platform/db")
                .load()
                .migrate();
        MigrateResult messaging = MessagingSchema.migrate(dataSource, identity.schema());
        LOG.info(() -> "schema " + identity.schema() + ": " + result.migrationsExecuted + " migration(s) applied, now at "
                + result.targetSchemaVersion + "; messaging tables: " + messaging.migrationsExecuted + " applied, now at "
                + messaging.targetSchemaVersion + "; " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
