package dev.cpq.quote.core.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Quotes in a map, for control tests: a put stores version 1 and a flush raises versions as JPA's @Version would. */
public class InMemoryQuotes implements Quotes {

    public final Map<QuoteId, Quote> quotes = new LinkedHashMap<>();
    public int locks;

    public Quote put(Quote quote) {
        setVersion(quote, 1);
        quotes.put(quote.id(), quote);
        return quote;
    }

    private static void setVersion(Quote quote, long version) {
        try {
            java.lang.reflect.Field f = Quote.class.getDeclaredField("rowVersion");
            f.setAccessible(true);
            f.setLong(quote, version);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Quote> byId(QuoteId id) {
        return Optional.ofNullable(quotes.get(id));
    }

    @Override
    public Optional<Quote> byIdForChange(QuoteId id) {
        locks++;
        Optional<Quote> quote = byId(id);
        quote.ifPresent(Quote::loaded); // as JPA loads it under the lock: the audit row's "before"
        return quote;
    }

    @Override
    public void add(Quote quote) {
        put(quote);
    }

    @Override
    public void flush() {
        // every flush in a command follows a change of the locked quote
        quotes.values().forEach(q -> setVersion(q, q.rowVersion() + 1));
    }

    @Override
    public List<Quote> page(Optional<QuoteStatus> status, Optional<String> customerId, Optional<Position> after, int limit) {
        return new ArrayList<>(quotes.values());
    }
}
