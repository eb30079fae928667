package dev.slackmgr.api.acceptance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One message found in a channel's Redis stream: the {@code channel_id} field and the parsed body. */
record Queued(String streamChannel, String channelField, String rawBody) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    JsonNode body() {
        return JSON.readTree(rawBody);
    }

    String field(String name) {
        return body().path(name).asString();
    }
}
