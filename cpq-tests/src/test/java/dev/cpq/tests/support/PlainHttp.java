package dev.cpq.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A blocking HTTP/1.1 exchange over the JDK's keep-alive connections ({@code http.maxConnections} is
 * raised in the failsafe configuration). The load tests run their clients on the same two cores as the
 * suite: {@code java.net.http.HttpClient}'s asynchronous machinery spent a fifth of the machine on the
 * client side at the quote flow's request rate, which this plain client does not.
 */
final class PlainHttp {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private PlainHttp() {}

    /** Sends one request; headers as name, value, ... pairs. */
    static DeployedSuite.Reply exchange(String method, URI uri, String body, List<String> headers) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod(method);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        c.setReadTimeout(READ_TIMEOUT_MILLIS);
        c.setRequestProperty("Accept", "*/*"); // instead of the JDK's browser-like default
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            c.setRequestProperty(headers.get(i), headers.get(i + 1));
        }
        byte[] payload = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (payload != null || method.equals("POST") || method.equals("PUT")) {
            c.setDoOutput(true);
            byte[] bytes = payload == null ? new byte[0] : payload;
            c.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = c.getResponseCode();
        String text;
        // reading the body to its end (and closing it) returns the connection to the keep-alive cache
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> fields = new HashMap<>();
        c.getHeaderFields().forEach((name, values) -> {
            if (name != null) {
                fields.put(name, values);
            }
        });
        HttpHeaders responseHeaders = HttpHeaders.of(fields, (name, value) -> true);
        return new DeployedSuite.Reply(status, responseHeaders.firstValue("Content-Type").orElse(""), text, responseHeaders);
    }
}
