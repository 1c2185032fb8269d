package dev.cpq.quote.submission.control;

import dev.cpq.quote.core.entity.QuoteStaleException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** Counts stale refusals ({@code cpq.quote.stale.rejections{code}}): how often sellers run into moved data. */
@ApplicationScoped
public class StaleRejections {

    public static final String METER = "cpq.quote.stale.rejections";

    private MeterRegistry registry;

    protected StaleRejections() {}

    @Inject
    public StaleRejections(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> T counted(Supplier<T> check) {
        try {
            return check.get();
        } catch (QuoteStaleException e) {
            registry.counter(METER, "code", e.code()).increment();
            throw e;
        }
    }

    public void counted(Runnable check) {
        counted(() -> {
            check.run();
            return null;
        });
    }
}
