package dev.cpq.quote.drafting.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.quote.core.entity.Quotes;
import org.junit.jupiter.api.Test;

class WorklistCursorTest {

    @Test
    void aCursorNamesWherePageEnded() {
        Quotes.Position p = new Quotes.Position(4711);
        assertThat(WorklistCursor.decode(WorklistCursor.encode(p))).isEqualTo(p);
    }

    @Test
    void anythingElseIsNoCursor() {
        for (String bad : new String[] {"abc", "", "djE6eDp5", "%%%", "djE6MA", "djI6MQ"}) {
            assertThatThrownBy(() -> WorklistCursor.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
