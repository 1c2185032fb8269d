package dev.cpq.platform.idempotency.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** Runs a command in one JTA transaction (a bean of its own, so the interceptor applies). */
@ApplicationScoped
public class CommandTransaction {

    @Transactional(Transactional.TxType.REQUIRED)
    public <T> T run(Supplier<T> command) {
        return command.get();
    }
}
