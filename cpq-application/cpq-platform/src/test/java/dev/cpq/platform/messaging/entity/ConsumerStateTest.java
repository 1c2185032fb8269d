package dev.cpq.platform.messaging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.messaging.inbox.ConsumerHealth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsumerStateTest {

    @Test
    void anOperatorSeesWhatKindOfFailureEndedAConsumerButNotItsTextWhichMayNameAnotherTenantsEvent() {
        var health = new ConsumerHealth("catalog-version-replica", ConsumerHealth.State.RESTARTING, false, 2,
                "PSQLException: duplicate key (tenant_id, event_id)=(tenant-b, 5f0c...) violates inbox_pkey", Duration.ofSeconds(3));

        ConsumerState state = ConsumerState.of(health);

        assertThat(state.lastFailure()).isEqualTo("PSQLException");
        assertThat(state.restarts()).isEqualTo(2);
    }

    @Test
    void aConsumerThatNeverFailedShowsNoFailure() {
        var health = new ConsumerHealth("catalog-version-replica", ConsumerHealth.State.RUNNING, false, 0, null, Duration.ZERO);

        assertThat(ConsumerState.of(health).lastFailure()).isNull();
    }
}
