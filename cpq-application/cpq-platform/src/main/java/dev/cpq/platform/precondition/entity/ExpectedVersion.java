package dev.cpq.platform.precondition.entity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The aggregate version a command was written against, from its {@code If-Match} header. Every command
 * on an existing aggregate carries one; a command built on an old read is refused, never merged.
 */
public record ExpectedVersion(long value) {

    private static final Pattern ETAG = Pattern.compile("\\s*\"(\\d{1,18})\"\\s*");
    private static final Pattern WEAK = Pattern.compile("\\s*W/.*", Pattern.DOTALL);

    public static ExpectedVersion fromIfMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException();
        }
        // If-Match compares strongly (RFC 9110 13.1.1): a weak ETag never matches, and this suite issues none
        if (WEAK.matcher(header).matches()) {
            throw InvalidIfMatchException.weak();
        }
        Matcher m = ETAG.matcher(header);
        if (!m.matches()) {
            throw new InvalidIfMatchException();
        }
        return new ExpectedVersion(Long.parseLong(m.group(1)));
    }

    /** @throws VersionConflictException when the aggregate has moved on (or was never at that version) */
    public void check(String aggregate, long current) {
        if (value != current) {
            throw new VersionConflictException(aggregate, value, current);
        }
    }
}
