package dev.cpq.quote.submission.entity;

/**
 * Under the quote's row lock, a version pointer showed a publication newer than what the command's
 * validation confirmed: the command's transaction is rolled back (releasing the lock and giving the
 * Idempotency-Key back) and the command runs again from its validation against the owners' databases.
 * Not a problem answer: it never leaves the service.
 */
public class VersionsMovedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VersionsMovedException(String detail) {
        super(detail, null, false, false);
    }
}
