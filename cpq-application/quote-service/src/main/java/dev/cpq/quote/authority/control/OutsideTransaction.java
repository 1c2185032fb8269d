package dev.cpq.quote.authority.control;

import dev.cpq.platform.remote.entity.RemoteServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs remote reads (and the plain reads that prepare them) with the caller's JTA transaction suspended.
 * Idempotent commands run inside the platform's command transaction; their calls to catalog- and
 * pricing-service happen here, before the command touches the database, so no connection or row lock
 * is held while another service answers. An unavailable dependency leaves wrapped as
 * {@link RemoteServiceUnavailableException.Transient}, so the command's Idempotency-Key is given back.
 */
@ApplicationScoped
public class OutsideTransaction {

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T run(Supplier<T> reads) {
        try {
            return reads.get();
        } catch (RemoteServiceUnavailableException e) {
            throw new RemoteServiceUnavailableException.Transient(e);
        }
    }
}
