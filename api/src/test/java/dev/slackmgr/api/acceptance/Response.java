package dev.slackmgr.api.acceptance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpHeaders;

/** An HTTP response as a test sees it. */
record Response(int status, String body, HttpHeaders headers) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The {@code error} text of a JSON error body. */
    String error() {
        return json().path("error").asString();
    }

    JsonNode json() {
        return JSON.readTree(body);
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
