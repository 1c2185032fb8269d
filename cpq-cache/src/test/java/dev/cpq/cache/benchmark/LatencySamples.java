package dev.cpq.cache.benchmark;

import java.util.Arrays;
import java.util.Locale;

/** Per-operation latencies of one benchmarked path, in nanoseconds. */
final class LatencySamples {

    private final String name;
    private long[] samples = new long[1 << 16];
    private int size;

    LatencySamples(String name) {
        this.name = name;
    }

    void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    String name() {
        return name;
    }

    int count() {
        return size;
    }

    /** The q-quantile (0..1) in microseconds. */
    double quantileMicros(double q) {
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(q * size) - 1));
        return sorted[index] / 1_000.0;
    }

    String line() {
        return String.format(Locale.ROOT, "%-34s n=%-7d p50=%8.1f us  p90=%8.1f us  p99=%8.1f us",
                name, size, quantileMicros(0.50), quantileMicros(0.90), quantileMicros(0.99));
    }
}
