package dev.cpq.platform.problem.boundary;

import dev.cpq.platform.problem.entity.BodyNotReceivedInTimeException;
import dev.cpq.platform.problem.entity.IncompleteBodyException;
import dev.cpq.platform.problem.entity.PayloadTooLargeException;
import dev.cpq.platform.problem.entity.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeoutException;

/**
 * Request bodies are small JSON commands: anything over 1 MiB is refused with 413. A declared length
 * over the limit is refused before anything is read, so a huge body costs a header check; a body without
 * one (chunked) is read through a bounded stream that fails with the same 413 at the first byte over
 * the limit. Either way the connection is closed and the rest of the body never read. A body that stops
 * arriving (the HTTP layer's read timeout) is the client's 408, one cut off by its connection a 400:
 * not incidents.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimit implements ContainerRequestFilter {

    public static final long MAX_BODY_BYTES = 1024 * 1024;

    @Context
    UriInfo uriInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BODY_BYTES) {
            PayloadTooLargeException tooLarge = new PayloadTooLargeException(MAX_BODY_BYTES);
            Response.ResponseBuilder response = Response.fromResponse(ProblemResponses.of(tooLarge.problem(), uriInfo));
            tooLarge.headers().forEach(response::header);
            request.abortWith(response.build());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new BoundedBody(request.getEntityStream(), MAX_BODY_BYTES));
        }
    }

    /** A body stream that ends the request with 413 once more than {@code limit} bytes were read. */
    static final class BoundedBody extends FilterInputStream {

        private final long limit;
        private long read;

        BoundedBody(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw asClientFailure(e);
            }
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never ask for more than one byte past the limit: that byte is enough to know
            int n;
            try {
                n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            } catch (IOException e) {
                throw asClientFailure(e);
            }
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, limit - read + 1));
            count(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /**
         * Reading a request body fails only because of the client: it stopped sending (Grizzly's read
         * timeout, an IOException caused by a TimeoutException) -> 408, or its connection ended first
         * (EOF, reset) -> 400. Neither is an incident of the service.
         */
        private static ProblemException asClientFailure(IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException) {
                    return new BodyNotReceivedInTimeException();
                }
            }
            return new IncompleteBodyException();
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
    }
}
