package dev.cpq.platform.remote.entity;

import com.fasterxml.jackson.databind.JsonNode;

/** A clear answer of another service: its status and JSON body (a missing node when there was none). */
public record RemoteAnswer(int status, JsonNode body) {

    public boolean ok() {
        return status == 200 || status == 201;
    }

    public String code() {
        return body.path("code").asText("");
    }
}
