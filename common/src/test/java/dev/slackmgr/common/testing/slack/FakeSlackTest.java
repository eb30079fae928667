package dev.slackmgr.common.testing.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake's message store, body parsing, fault injection and enforced limits, over plain HTTP. */
class FakeSlackTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeSlack slack = new FakeSlack(new FakeWorkspace("U0BOT").channel("C1", "alerts"));

    @AfterEach
    void close() {
        slack.close();
    }

    private HttpResponse<String> form(String method, Map<String, String> params) throws Exception {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode formJson(String method, Map<String, String> params) throws Exception {
        return JSON.readTree(form(method, params).body());
    }

    @Test
    void formAndJsonPostsKeepBlocksAndMetadataWithIncreasingTs() throws Exception {
        JsonNode a = formJson("chat.postMessage", Map.of("channel", "C1", "text", "a",
                "blocks", "[{\"type\":\"divider\"}]",
                "metadata", "{\"event_type\":\"slackmgr_issue\",\"event_payload\":{\"correlationId\":\"c1\"}}"));
        HttpResponse<String> b = http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + "chat.postMessage"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"C1\",\"text\":\"b\","
                        + "\"blocks\":[{\"type\":\"divider\"}],"
                        + "\"metadata\":{\"event_type\":\"slackmgr_issue\",\"event_payload\":{\"correlationId\":\"c2\"}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(a.get("ok").asBoolean()).isTrue();
        List<FakeMessages.FakeMessage> stored = slack.messages().of("C1");
        assertThat(stored).extracting(FakeMessages.FakeMessage::text).containsExactly("a", "b");
        assertThat(stored).extracting(m -> m.eventPayload().get("correlationId")).containsExactly("c1", "c2");
        assertThat(stored.get(1).blocksJson()).isEqualTo("[{\"type\":\"divider\"}]");
        assertThat(new java.math.BigDecimal(stored.get(1).ts())).isGreaterThan(new java.math.BigDecimal(stored.get(0).ts()));
        assertThat(b.statusCode()).isEqualTo(200);
    }

    @Test
    void historyIsNewestFirstHonoursOldestPagesAndShowsMetadataOnRequest() throws Exception {
        List<String> ts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ts.add(formJson("chat.postMessage", Map.of("channel", "C1", "text", "m" + i,
                    "metadata", "{\"event_type\":\"t\",\"event_payload\":{}}")).get("ts").asText());
        }
        Map<String, String> p = new LinkedHashMap<>(Map.of("channel", "C1", "oldest", ts.get(0), "limit", "3"));
        JsonNode page1 = formJson("conversations.history", p);
        assertThat(page1.get("messages")).extracting(m -> m.get("text").asText()).containsExactly("m4", "m3", "m2");
        assertThat(page1.get("messages").get(0).has("metadata")).isFalse();
        assertThat(page1.get("has_more").asBoolean()).isTrue();

        p.put("cursor", page1.get("response_metadata").get("next_cursor").asText());
        p.put("include_all_metadata", "true");
        JsonNode page2 = formJson("conversations.history", p);
        assertThat(page2.get("messages")).extracting(m -> m.get("text").asText()).containsExactly("m1");
        assertThat(page2.get("messages").get(0).get("metadata").get("event_type").asText()).isEqualTo("t");
        assertThat(page2.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void updateDeleteAndRepliesAnswerLikeSlack() throws Exception {
        String ts = formJson("chat.postMessage", Map.of("channel", "C1", "text", "v1")).get("ts").asText();
        assertThat(formJson("chat.update", Map.of("channel", "C1", "ts", ts, "text", "v2")).get("ok").asBoolean()).isTrue();
        assertThat(slack.messages().find("C1", ts).orElseThrow().text()).isEqualTo("v2");
        assertThat(formJson("conversations.replies", Map.of("channel", "C1", "ts", ts)).get("messages")).hasSize(1);
        slack.messages().reply("C1", ts, "U0HUMAN", "on it");
        assertThat(formJson("conversations.replies", Map.of("channel", "C1", "ts", ts)).get("messages")).hasSize(2);
        assertThat(formJson("chat.delete", Map.of("channel", "C1", "ts", ts)).get("ok").asBoolean()).isTrue();
        assertThat(formJson("chat.delete", Map.of("channel", "C1", "ts", ts)).get("error").asText())
                .isEqualTo("message_not_found");
        assertThat(formJson("chat.postMessage", Map.of("channel", "CX", "text", "x")).get("error").asText())
                .isEqualTo("channel_not_found");
    }

    @Test
    void scriptedFaultsAndEnforcedLimits() throws Exception {
        slack.rateLimitNext("chat.postMessage", 2, 7);
        slack.failNext("chat.update", 1, 503);
        HttpResponse<String> limited = form("chat.postMessage", Map.of("channel", "C1", "text", "x"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(form("chat.postMessage", Map.of("channel", "C1", "text", "x")).statusCode()).isEqualTo(429);
        assertThat(form("chat.postMessage", Map.of("channel", "C1", "text", "x")).statusCode()).isEqualTo(200);
        assertThat(form("chat.update", Map.of("channel", "C1", "ts", "1.1")).statusCode()).isEqualTo(503);
        assertThat(slack.rejectedCount("chat.postMessage", 429)).isEqualTo(2);

        slack.limitPerChannelPerSecond("chat.postMessage", 2);
        slack.limitPerMinute("chat.delete", 1);
        assertThat(form("chat.postMessage", Map.of("channel", "C1", "text", "1")).statusCode()).isEqualTo(200);
        assertThat(form("chat.postMessage", Map.of("channel", "C1", "text", "2")).statusCode()).isEqualTo(200);
        HttpResponse<String> third = form("chat.postMessage", Map.of("channel", "C1", "text", "3"));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).contains("1");
        assertThat(form("chat.delete", Map.of("channel", "C1", "ts", "1.1")).statusCode()).isEqualTo(200);
        assertThat(form("chat.delete", Map.of("channel", "C1", "ts", "1.1")).statusCode()).isEqualTo(429);
        assertThat(slack.callCount("chat.postMessage")).isEqualTo(6);

        slack.clearFaults();
        assertThat(form("chat.delete", Map.of("channel", "C1", "ts", "1.1")).statusCode()).isEqualTo(200);
    }

    @Test
    void droppedConnectionsGetNoAnswerAndADropAfterTakingEffectStillPosts() throws Exception {
        slack.dropNext("chat.postMessage", 1, false);
        slack.dropNext("chat.postMessage", 1, true);

        assertThat(dropped(() -> form("chat.postMessage", Map.of("channel", "C1", "text", "before")))).isTrue();
        assertThat(slack.messages().of("C1")).isEmpty();
        assertThat(dropped(() -> form("chat.postMessage", Map.of("channel", "C1", "text", "after")))).isTrue();
        assertThat(slack.messages().of("C1")).extracting(FakeMessages.FakeMessage::text).containsExactly("after");
        assertThat(formJson("chat.postMessage", Map.of("channel", "C1", "text", "next")).get("ok").asBoolean())
                .isTrue();
        assertThat(slack.droppedCount("chat.postMessage")).isEqualTo(2);
        assertThat(slack.callCount("chat.postMessage")).isEqualTo(3);
    }

    private static boolean dropped(java.util.concurrent.Callable<HttpResponse<String>> call) {
        try {
            call.call();
            return false;
        } catch (java.io.IOException e) {
            return true;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
