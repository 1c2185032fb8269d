package dev.cpq.quote.drafting.entity;

import dev.cpq.quote.core.entity.Quotes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of the worklist: where the previous page ended (a creation sequence),
 * base64url so clients do not build or parse it.
 */
public final class WorklistCursor {

    private WorklistCursor() {}

    public static String encode(Quotes.Position position) {
        String plain = "v1:" + position.seq();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is no cursor this service issued */
    public static Quotes.Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            if (parts.length != 2 || !"v1".equals(parts[0]) || !parts[1].matches("[1-9][0-9]{0,17}")) {
                throw new IllegalArgumentException("not a cursor of this worklist");
            }
            return new Quotes.Position(Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) { // includes NumberFormatException
            throw new IllegalArgumentException("not a cursor of this worklist", e);
        }
    }
}
