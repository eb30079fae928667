package dev.slackmgr.api.acceptance;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** acceptance-cases.md §J – ping, channels, mappings, alerts-test and runtime settings. */
class AcceptanceJTest extends ApiTestBase {

    @Test
    void j01_ping() {
        Response r = get("/ping");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("pong");
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(get("/ping?status=503").status()).isEqualTo(503);
        assertThat(get("/ping?status=503").body()).isEqualTo("pong");
        assertThat(get("/ping?status=9999").status()).isEqualTo(200);
        assertThat(get("/ping?status=abc").status()).isEqualTo(200);
    }

    @Test
    void j02_channelsSortedByNameWithoutArchivedOrForeign() {
        Response r = get("/channels");
        assertThat(r.status()).isEqualTo(200);
        JsonNode list = r.json();
        assertThat(list.isArray()).isTrue();
        assertThat(r.body()).contains("\"id\": \"C123\"").contains("\"name\": \"alerts\"")
                .doesNotContain("CARCHIVED").doesNotContain("CNOBOT");
        String previous = "";
        for (JsonNode c : list) {
            assertThat(c.path("name").asString()).isGreaterThanOrEqualTo(previous);
            previous = c.path("name").asString();
        }
    }

    @Test
    void j03_mappingsShowNormalisedRules() {
        settings("""
                routingRules:
                  - name: " rule-x "
                    alertType: " SECURITY "
                    equals: ["  KEY1 ", "KEY2"]
                    hasPrefix: [" PREFIX- "]
                    matchesRegex: ["^Prod-.*"]
                    channel: " C123456789 "
                """);
        Response r = get("/mappings");
        assertThat(r.status()).isEqualTo(200);
        JsonNode rule = r.json().get(0);
        assertThat(rule.path("name").asString()).isEqualTo("rule-x");
        assertThat(rule.path("alertType").asString()).isEqualTo("security");
        assertThat(rule.path("equals").toString()).isEqualTo("[\"key1\",\"key2\"]");
        assertThat(rule.path("hasPrefix").toString()).isEqualTo("[\"prefix-\"]");
        assertThat(rule.path("matchesRegex").toString()).isEqualTo("[\"(?i)^Prod-.*\"]");
        assertThat(rule.path("matchAll").asBoolean()).isFalse();
        assertThat(rule.path("channel").asString()).isEqualTo("C123456789");
        assertThat(r.body()).contains("\n    {");
    }

    @Test
    void j04_alertsTestResolvesButQueuesNothing() {
        assertThat(post("/alerts-test/C456", "{\"header\":\"x\"}").status()).isEqualTo(204);
        assertThat(post("/alerts-test", "invalid json").error()).startsWith("Failed to parse POST body");
        assertThat(post("/alerts-test", "{\"header\":\"x\"}").error())
                .isEqualTo("Alert has no route key, and no fallback mapping exists");
        assertThat(queued()).isEmpty();
    }

    @Test
    void j05_invalidSettingsKeepThePreviousOnes() {
        settings(AcceptanceBTest.R1);
        settings(FIXTURE + """
                routingRules:
                  - name: r
                    equals: [k]
                    channel: invalid
                """);
        assertThat(post("/alerts", "{\"routeKey\":\"production\",\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(queued("C111222333")).hasSize(1);
    }

    @Test
    void j05_hotReload() {
        assertThat(post("/alerts", "{\"routeKey\":\"production\",\"header\":\"x\"}").status()).isEqualTo(400);
        settings(AcceptanceBTest.R1);
        assertThat(post("/alerts", "{\"routeKey\":\"production\",\"header\":\"x\"}").status()).isEqualTo(202);
        settings(FIXTURE);
        assertThat(post("/alerts", "{\"routeKey\":\"production\",\"header\":\"x\"}").status()).isEqualTo(400);
    }
}
