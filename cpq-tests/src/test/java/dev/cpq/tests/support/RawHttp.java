package dev.cpq.tests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 written by hand on a socket, for the requests an HTTP client refuses to send (an incomplete
 * percent-escape, no Host, a request line of 200 KiB) and for several requests on one kept-alive
 * connection. Answers are read as the server frames them (Content-Length, chunked, or until it closes).
 */
public final class RawHttp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final InputStream in;

    private RawHttp(String baseUrl) throws IOException {
        URI base = URI.create(baseUrl);
        socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(60_000);
        in = socket.getInputStream();
    }

    /** A connection to the suite as users reach it ({@link DeployedSuite#baseUrl()}). */
    public static RawHttp open() {
        return open(DeployedSuite.baseUrl());
    }

    public static RawHttp open(String baseUrl) {
        try {
            return new RawHttp(baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request on a fresh connection. */
    public static Answer exchange(String request) {
        try (RawHttp http = open()) {
            return http.send(request);
        }
    }

    /** A GET of {@code target} exactly as written, with a Host header and the given extra header lines. */
    public static String get(String target, String... headerLines) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: ")
                .append(URI.create(DeployedSuite.baseUrl()).getHost()).append("\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    /**
     * Writes the request (ISO-8859-1: every char one byte) and reads one answer. The writing runs beside the
     * reading: a server may answer and close before a large request is written (the write then fails with
     * a broken pipe, which is no failure of the exchange: the answer is).
     */
    public Answer send(String request) {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        Thread writer = new Thread(() -> {
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (IOException refusedMidRequest) {
                // the server has stopped reading; its answer tells why
            }
        }, "raw-http-writer");
        writer.setDaemon(true);
        writer.start();
        try {
            Answer answer = read();
            writer.join(TimeUnit.SECONDS.toMillis(60));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("the connection closed without an answer");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                chunks.write(in.readNBytes(size));
                line();
            }
            line();
            body = chunks.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), statusLine, headers, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One answer: status, header fields by lower-case name, body. */
    public record Answer(int status, String statusLine, Map<String, String> headers, String body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        public String contentType() {
            return header("content-type").orElse("");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + statusLine + "): " + body, e);
            }
        }

        public List<String> headerNames() {
            return List.copyOf(headers.keySet());
        }
    }
}
