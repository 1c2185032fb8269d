package dev.cpq.platform.idempotency.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Expired idempotency records (kept 25 h, the contract promises 24) go in bounded batches. */
@Singleton
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class.getName());
    private static final int BATCH = 5_000;

    @Inject
    IdempotencyRecords records;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void purge() {
        try {
            int deleted;
            do {
                deleted = records.purgeExpired(BATCH);
            } while (deleted == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not purge expired idempotency records; the next run will", e);
        }
    }
}
