package dev.cpq.platform.command.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs remote reads (and the plain reads that prepare them) with the caller's JTA transaction suspended:
 * a command's calls to other services happen here, before it locks anything, so no connection or row
 * lock is held while another service answers. A {@link dev.cpq.platform.command.entity.TransientDependencyFailure}
 * thrown here leaves as it is: the pipeline gives the command's Idempotency-Key back.
 */
@ApplicationScoped
public class OutsideTransaction {

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T run(Supplier<T> reads) {
        return reads.get();
    }
}
