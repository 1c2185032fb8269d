package dev.cpq.platform.problem.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.json.control.JsonDialect;
import dev.cpq.platform.problem.entity.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A body without a declared length is bounded while it is read, not trusted to be small. */
class RequestSizeLimitTest {

    /** An endless body, as a chunked request can be: never ends unless the reader stops. */
    private static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
    }

    @Test
    void aBodyWithoutADeclaredLengthFailsWith413AtTheFirstByteOverTheLimit() {
        InputStream body = new RequestSizeLimit.BoundedBody(endless(), 1000);
        assertThatThrownBy(body::readAllBytes).isInstanceOf(PayloadTooLargeException.class)
                .satisfies(e -> assertThat(((PayloadTooLargeException) e).problem().getStatus()).isEqualTo(413));
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(new RequestSizeLimit.BoundedBody(new ByteArrayInputStream(json), json.length).readAllBytes()).isEqualTo(json);
    }

    @Test
    void anOversizedBodyReadByJacksonStillAnswers413NotAParsingError() {
        String prefix = "{\"name\":\"";
        InputStream body = new RequestSizeLimit.BoundedBody(new java.io.SequenceInputStream(
                new ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8)), endless()), 10_000);
        var mapper = new JsonInputExceptionMapper();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> JsonDialect.strictMapper().readValue(body, Map.class));
        int status = thrown instanceof PayloadTooLargeException p ? p.problem().getStatus()
                : thrown instanceof com.fasterxml.jackson.core.JsonProcessingException j ? mapper.toResponse(j).getStatus() : -1;
        assertThat(status).as(String.valueOf(thrown)).isEqualTo(413);
    }

    @Test
    void aBodyThatStopsArrivingIsTheClients408AndOneCutOffItsConnectionA400NotAnIncident() {
        // Grizzly's read timeout: an IOException caused by a TimeoutException (was a 500 incident)
        InputStream stalled = new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException(new java.util.concurrent.TimeoutException());
            }
        };
        assertThatThrownBy(new RequestSizeLimit.BoundedBody(stalled, 1000)::readAllBytes)
                .isInstanceOf(dev.cpq.platform.problem.entity.BodyNotReceivedInTimeException.class)
                .satisfies(e -> assertThat(((dev.cpq.platform.problem.entity.ProblemException) e).problem().getStatus()).isEqualTo(408));
        InputStream reset = new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.EOFException();
            }
        };
        // the client closed its connection mid-body (was a 500 incident too)
        assertThatThrownBy(new RequestSizeLimit.BoundedBody(reset, 1000)::readAllBytes)
                .isInstanceOf(dev.cpq.platform.problem.entity.IncompleteBodyException.class)
                .satisfies(e -> assertThat(((dev.cpq.platform.problem.entity.ProblemException) e).problem().getStatus()).isEqualTo(400));
    }
}
