package dev.cpq.quote.drafting.control;

import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.quote.drafting.entity.Quote;
import dev.cpq.quote.drafting.entity.QuoteId;
import dev.cpq.quote.drafting.entity.QuoteNotFoundException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a command on a quote read before its Idempotency-Key was claimed: the quote as it was then (or what
 * reading it threw, raised in the command, where the key's outcome is decided) and, when the command could
 * go ahead on it, the remote answers on their way. Reads only: a replayed or refused command drops it.
 *
 * @param <A> the remote answers the command judges
 */
public final class PreparedCommand<A> {

    private final Pending<Optional<Quote>> seen;
    private final Optional<A> answers;

    private PreparedCommand(Pending<Optional<Quote>> seen, Optional<A> answers) {
        this.seen = seen;
        this.answers = answers;
    }

    /** Reads the quote now and asks only when {@code canGoAhead} holds for it; outside any transaction. */
    public static <A> PreparedCommand<A> of(Supplier<Optional<Quote>> read, Predicate<Quote> canGoAhead, Function<Quote, A> ask) {
        Optional<Quote> quote;
        try {
            quote = read.get();
        } catch (RuntimeException e) {
            return new PreparedCommand<>(Pending.failed(e), Optional.empty());
        }
        return new PreparedCommand<>(Pending.answered(quote), quote.filter(canGoAhead).map(ask));
    }

    /** The quote as read: 404 when there was none, or what reading it threw. */
    public Quote quote(QuoteId id) {
        return seen.get().orElseThrow(() -> new QuoteNotFoundException(id.toString()));
    }

    /** Whether the answers were asked before the claim (only when the command could go ahead). */
    public boolean asked() {
        return answers.isPresent();
    }

    /** The answers asked before the claim; asked now if the quote could not go ahead then but passed the command's checks. */
    public A answers(Quote quote, Function<Quote, A> ask) {
        return answers.orElseGet(() -> ask.apply(quote));
    }
}
