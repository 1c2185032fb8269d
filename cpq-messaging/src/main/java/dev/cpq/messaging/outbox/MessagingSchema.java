package dev.cpq.messaging.outbox;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and evolves the messaging tables (outbox, inbox, parked events) in a service's schema. They
 * have a Flyway history of their own ({@code flyway_messaging_history}), so the messaging template and
 * the service's own migrations each keep their version sequence. Run after the service's migrations,
 * outside a container transaction.
 */
public final class MessagingSchema {

    public static final String HISTORY_TABLE = "flyway_messaging_history";

    private MessagingSchema() {}

    public static MigrateResult migrate(DataSource dataSource, String schema) {
        return Flyway.configure(MessagingSchema.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false)
                .table(HISTORY_TABLE)
                // the service's own tables are already there: our history starts at 0, below our first migration
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .locations("classpath:dev/cpq/messaging/db")
                .load()
                .migrate();
    }
}
