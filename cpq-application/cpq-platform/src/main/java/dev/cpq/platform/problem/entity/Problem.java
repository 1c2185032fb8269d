package dev.cpq.platform.problem.entity;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem details body. {@code code} is the stable, UPPER_SNAKE identifier clients switch
 * on; {@code type} is derived from it so both always agree. Extensions (expectedVersion,
 * violations, remediation, ...) are flattened into the body as the RFC requires.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "code", "instance"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:cpq:problem:";

    private final String title;
    private final int status;
    private final String detail;
    private final String code;
    private final String instance;
    private final Map<String, Object> extensions;

    private Problem(String code, int status, String title, String detail, String instance, Map<String, Object> extensions) {
        this.code = requireCode(code);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.title = Objects.requireNonNull(title, "title");
        this.detail = detail;
        this.instance = instance;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public static Problem of(String code, int status, String title, String detail) {
        return new Problem(code, status, title, detail, null, Map.of());
    }

    public Problem with(String extension, Object value) {
        if (Objects.equals(extension, "code") || Objects.equals(extension, "status") || Objects.equals(extension, "type")) {
            throw new IllegalArgumentException("'" + extension + "' is a standard member, not an extension");
        }
        var copy = new LinkedHashMap<>(extensions);
        copy.put(extension, value);
        return new Problem(code, status, title, detail, instance, copy);
    }

    public Problem at(String requestPath) {
        return new Problem(code, status, title, detail, requestPath, extensions);
    }

    public String getType() {
        return TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getCode() {
        return code;
    }

    public String getInstance() {
        return instance;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    private static String requireCode(String code) {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
            throw new IllegalArgumentException("problem codes are UPPER_SNAKE: " + code);
        }
        return code;
    }
}
