package dev.cpq.messaging.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.testing.ModuleConventions;
import dev.cpq.testing.TenantWide;
import org.junit.jupiter.api.Test;

/** The rules' fixtures are in cpq-cache's and cpq-events' architecture tests. */
class MessagingArchitectureTest {

    /** Messaging knows no request tenant: each of its SQL-running classes serves every tenant, the tenant a column of each row. */
    private static final TenantWide[] TENANT_WIDE = {
            new TenantWide("dev.cpq.messaging.outbox.Outbox", "writes the envelope the service built in its command transaction;"
                    + " the tenant is the envelope's"),
            new TenantWide("dev.cpq.messaging.relay.OutboxRelay", "relays every tenant's pending events; each row carries its tenant"),
            new TenantWide("dev.cpq.messaging.relay.OutboxRelayLoop", "LISTENs for the outbox notification, no tenant's data"),
            new TenantWide("dev.cpq.messaging.inbox.InboxLog", "records every tenant's consumed events; the tenant is each event's"),
            new TenantWide("dev.cpq.messaging.inbox.ParkingLot", "parks every tenant's poison events with their tenant; the counts"
                    + " take the tenant the operator's request names"),
    };

    @Test
    void messagingKnowsNoServiceAndHasNoPackageCycle() {
        assertThat(ModuleConventions.productionClasses("dev.cpq.messaging")).isNotEmpty();
        ModuleConventions.checkServiceAgnostic("dev.cpq.messaging", TENANT_WIDE);
    }
}
