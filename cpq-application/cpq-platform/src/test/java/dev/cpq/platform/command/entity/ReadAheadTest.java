package dev.cpq.platform.command.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.audit.entity.AuditedChange;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void whatTheReadThrewIsRaisedOnlyWhenTheCommandReadsIt() {
        ReadAhead<String> failed = ReadAhead.of(() -> {
            throw new TransientDependencyFailure("pricing", "no answer", null);
        });
        AtomicInteger asked = new AtomicInteger();
        ReadAhead<Integer> further = failed.then(s -> asked.incrementAndGet());

        assertThat(failed.failedWith(TransientDependencyFailure.class)).isTrue();
        assertThatThrownBy(failed::get).isInstanceOf(TransientDependencyFailure.class);
        assertThatThrownBy(further::get).as("a failed read asks nothing further").isInstanceOf(TransientDependencyFailure.class);
        assertThat(asked).hasValue(0);
        assertThat(ReadAhead.of(() -> "quote").then(String::length).get()).isEqualTo(5);
    }

    @Test
    void theAuditRowIsWhatTheAggregateTells() {
        assertThat(aggregate(Optional.of(new AuditedAggregate.StateAndVersion("PRICED", 4))).auditedChange("quote.submit"))
                .isEqualTo(new AuditedChange("Quote", "q-1", "quote.submit", "PRICED", "APPROVED", 4L, 5L));
        assertThat(aggregate(Optional.empty()).auditedChange("quote.create"))
                .isEqualTo(new AuditedChange("Quote", "q-1", "quote.create", null, "APPROVED", null, 5L));
    }

    private static AuditedAggregate aggregate(Optional<AuditedAggregate.StateAndVersion> loaded) {
        return new AuditedAggregate() {
            @Override
            public String aggregateType() {
                return "Quote";
            }

            @Override
            public String aggregateId() {
                return "q-1";
            }

            @Override
            public StateAndVersion current() {
                return new StateAndVersion("APPROVED", 5);
            }

            @Override
            public Optional<StateAndVersion> asLoaded() {
                return loaded;
            }
        };
    }
}
