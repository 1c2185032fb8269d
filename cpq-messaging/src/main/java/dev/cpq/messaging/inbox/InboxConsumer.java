package dev.cpq.messaging.inbox;

import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.event.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A Kafka consumer that applies each event exactly once in effect, in three parts: this poll loop under its
 * supervisor ({@link #run()}: no failure ends the thread; offsets are committed only after the database
 * commit), the {@link InboxLog} (the event id recorded in the same transaction as the handler's effect, so a
 * redelivered or re-published event is skipped; an event not newer than the aggregate version applied is
 * ignored, so out-of-order delivery never moves a projection backwards) and the {@link ParkingLot}
 * (undecodable events, and events whose handler keeps failing, parked with their error; the consumer moves
 * on). {@link InboxBatches} applies a poll's records in one transaction; transient failures (database or
 * Redis unreachable) are retried until they pass.
 */
public final class InboxConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class.getName());

    private final String name;
    private final Supplier<? extends Consumer<String, byte[]>> kafkaClients;
    private final List<String> topics;
    private final ConsumerSettings settings;
    private final EnvelopeCodec codec;
    private final Map<ConsumeOutcome, Counter> outcomes = new EnumMap<>(ConsumeOutcome.class);
    private final ParkingLot parking;
    private final InboxBatches batches;
    private final Counter restarts;
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile ConsumerHealth.State state = ConsumerHealth.State.STARTING;
    /** System.nanoTime() of the last sign of life: a poll returned, a batch committed. */
    private volatile long lastProgress = System.nanoTime();
    private volatile String lastFailure;
    /** The Kafka client of the current generation; replaced at each restart. */
    private volatile Consumer<String, byte[]> kafka;
    private volatile Thread thread;

    /**
     * @param kafkaClients makes a new Kafka consumer (same group): the supervisor builds one per generation,
     *                     after the previous one failed and was closed
     */
    public InboxConsumer(String name, DataSource dataSource, Supplier<? extends Consumer<String, byte[]>> kafkaClients, List<String> topics,
            EventHandler handler, ConsumerSettings settings, EnvelopeCodec codec, MeterRegistry registry) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(handler, "handler");
        this.kafkaClients = Objects.requireNonNull(kafkaClients, "kafkaClients");
        this.topics = List.copyOf(topics);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.codec = Objects.requireNonNull(codec, "codec");
        for (ConsumeOutcome o : ConsumeOutcome.values()) {
            outcomes.put(o, Counter.builder("cpq.messaging.consumed").tag("consumer", name).tag("outcome", o.name().toLowerCase())
                    .register(registry));
        }
        restarts = Counter.builder("cpq.messaging.consumer.restarts").tag("consumer", name)
                .description("Consumer generations ended by a failure and rebuilt by the supervisor").register(registry);
        this.parking = new ParkingLot(name, dataSource);
        this.batches = new InboxBatches(name, dataSource, handler, settings, codec, new InboxLog(name), parking, outcomes);
    }

    /**
     * The supervisor: runs generations of the consume loop until stopped. Whatever ends a generation (an
     * exception from poll or commitSync, an eviction from the group, an Error or an interrupt from a
     * handler), its Kafka client is closed, the failure counted and logged, and after a backoff a new
     * client rejoins the group. It resumes from the committed offsets, which never pass an event whose
     * transaction did not commit; what was committed in the database but not in Kafka comes again and
     * the inbox absorbs it.
     */
    @Override
    public void run() {
        thread = Thread.currentThread();
        int failures = 0;
        while (running) {
            long began = System.nanoTime();
            try {
                consumeOneGeneration();
            } catch (Throwable failure) { // any failure, Errors included: nothing else would restart this consumer
                if (!running) {
                    break;
                }
                Thread.interrupted(); // an interrupt that ended the generation must not cut the backoff short
                boolean livedLong = System.nanoTime() - began > settings.maxRestartBackoff().toNanos();
                failures = livedLong ? 1 : failures + 1;
                restarts.increment();
                lastFailure = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                state = ConsumerHealth.State.RESTARTING;
                Duration wait = settings.restartBackoffAfter(failures);
                LOG.log(Level.WARNING, name + ": consumer failed, rejoining after " + wait + " (restart " + (long) restarts.count() + ")",
                        failure);
                sleepQuietly(wait);
            }
        }
        state = ConsumerHealth.State.STOPPED;
    }

    /** One Kafka client from subscription to close: returns when stopped, throws whatever ended it otherwise. */
    private void consumeOneGeneration() {
        Consumer<String, byte[]> client = kafkaClients.get();
        kafka = client;
        try {
            if (!running) {
                return; // stopped while the client was being built: its wakeup went to no one
            }
            client.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(p -> {
                        lag.remove(p);
                        positions.remove(p);
                    });
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // positions come from the committed offsets
                }
            });
            state = ConsumerHealth.State.RUNNING;
            while (running) {
                ConsumerRecords<String, byte[]> records = client.poll(settings.pollTimeout());
                lastProgress = System.nanoTime();
                for (TopicPartition partition : records.partitions()) {
                    List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
                    if (running && batches.process(batch, () -> running)) {
                        // after the database commit: a failure before this line means redelivery, absorbed by the inbox
                        client.commitSync(Map.of(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1)));
                        lastProgress = System.nanoTime();
                    }
                }
                for (TopicPartition p : client.assignment()) {
                    OptionalLong l = client.currentLag(p);
                    if (l.isPresent()) {
                        lag.put(p, l.getAsLong());
                    }
                    positions.put(p, client.position(p));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            kafka = null;
            lag.clear();
            positions.clear();
            batches.dropConnection();
            boolean interrupted = Thread.interrupted(); // a Kafka client closes properly only on a thread not interrupted
            try {
                client.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, name + ": closing the Kafka client failed", e);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Alive, stalled (no poll or commit for {@code stalledAfter}), restarting or stopped; for health and operators. */
    public ConsumerHealth health() {
        Duration sinceProgress = Duration.ofNanos(System.nanoTime() - lastProgress);
        boolean stalled = state == ConsumerHealth.State.RUNNING && sinceProgress.compareTo(settings.stalledAfter()) > 0;
        return new ConsumerHealth(name, state, stalled, (long) restarts.count(), lastFailure, sinceProgress);
    }

    /** Ends the loop; safe to call from any thread. */
    public void stop() {
        running = false;
        Consumer<String, byte[]> client = kafka;
        if (client != null) {
            client.wakeup();
        }
        Thread t = thread;
        if (t != null && state != ConsumerHealth.State.RUNNING) {
            t.interrupt(); // ends a restart backoff; a running generation ends at its wakeup
        }
    }

    public String name() {
        return name;
    }

    /** Records not yet consumed per assigned partition, as of the last poll. */
    public Map<TopicPartition, Long> lag() {
        return Map.copyOf(lag);
    }

    /** The next offset this consumer reads per assigned partition (committed once the batch before it committed). */
    public Map<TopicPartition, Long> offsets() {
        return Map.copyOf(positions);
    }

    public double count(ConsumeOutcome outcome) {
        return outcomes.get(outcome).count();
    }

    /** Applies one event in one transaction: inbox record, version check, effect, version record. */
    public ConsumeOutcome applyOnce(EventEnvelope event) throws Exception {
        return batches.applyOnce(event);
    }

    /**
     * Operators: applies a parked event again through the inbox (so it still cannot apply twice) and
     * marks it re-driven. @return the outcome, or empty when the parked row does not exist or is done
     */
    public Optional<ConsumeOutcome> redrive(long parkedId) throws Exception {
        Optional<String> raw = parking.waiting(parkedId);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        ConsumeOutcome outcome = applyOnce(codec.decode(raw.get()));
        parking.markRedriven(parkedId);
        return Optional.of(outcome);
    }

    /** Counts of one tenant's parked events by status (undecodable ones name no tenant and are not counted). */
    public Map<String, Long> parkedCounts(String tenantId) throws SQLException {
        return parking.counts(Objects.requireNonNull(tenantId, "tenantId"));
    }

    /** Counts of parked events by status, for operations endpoints. */
    public Map<String, Long> parkedCounts() throws SQLException {
        return parking.counts(null);
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop() interrupts a backoff; the loop then sees running == false
        }
    }
}
