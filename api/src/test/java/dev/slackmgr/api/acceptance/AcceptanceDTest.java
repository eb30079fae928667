package dev.slackmgr.api.acceptance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** acceptance-cases.md §D – cleaning, observed in the queued body (the rules are unit-tested in common). */
class AcceptanceDTest extends ApiTestBase {

    private JsonNode queue(String alertFields) {
        Response r = post("/alerts", "{\"slackChannelId\":\"C123\"," + alertFields + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return queued("C123").get(0).body();
    }

    @Test
    void d01_headers() {
        JsonNode b = queue("\"header\":\"  Foo\\nbar  \",\"headerWhenResolved\":\"  Hei\\nresolved  \","
                + "\"fallbackText\":\"  Foo\\nbar :status: \"");
        assertThat(b.path("header").asString()).isEqualTo("Foo bar");
        assertThat(b.path("headerWhenResolved").asString()).isEqualTo("Hei resolved");
        assertThat(b.path("fallbackText").asString()).isEqualTo("Foo bar");
    }

    @Test
    void d01_headerTruncatedByCodePoints() {
        JsonNode b = queue("\"header\":\"" + "日".repeat(131) + "\"");
        assertThat(b.path("header").asString()).isEqualTo("日".repeat(127) + "...");
    }

    @Test
    void d02_textTruncationKeepsCodeBlock() {
        JsonNode b = queue("\"header\":\"x\",\"text\":\"  Foo\\nbar  \",\"textWhenResolved\":\"" + "b".repeat(10001) + "```\"");
        assertThat(b.path("text").asString()).isEqualTo("Foo\nbar");
        assertThat(b.path("textWhenResolved").asString()).isEqualTo("b".repeat(9994) + "...```");
    }

    @ParameterizedTest
    @CsvSource({"ERROR,error", "'',error", "critical,error", "' Critical ',error", "recovered,resolved",
            "resolve,resolved", "recover,resolved", "PANIC,panic", "Info,info"})
    void d03_severity(String given, String queued) {
        assertThat(queue("\"header\":\"x\",\"severity\":\"" + given + "\"").path("severity").asString()).isEqualTo(queued);
    }

    @Test
    void d04_caseAndDelays() {
        Response r = post("/alerts", "{\"slackChannelId\":\"  c123  \",\"type\":\"  FOO  \",\"routeKey\":\"  FOO  \","
                + "\"header\":\"x\",\"iconEmoji\":\"  :Foo:  \",\"archivingDelaySeconds\":-1,\"notificationDelaySeconds\":-5}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode b = queued("C123").get(0).body();
        assertThat(b.path("type").asString()).isEqualTo("foo");
        assertThat(b.path("routeKey").asString()).isEqualTo("foo");
        assertThat(b.path("iconEmoji").asString()).isEqualTo(":foo:");
        assertThat(b.path("archivingDelaySeconds").asLong()).isZero();
        assertThat(b.path("notificationDelaySeconds").asLong()).isZero();
    }

    @Test
    void d05_fieldsAndContext() {
        JsonNode b = queue("\"header\":\"x\",\"fields\":[{\"title\":\"" + "t".repeat(31) + "\",\"value\":\"" + "v".repeat(201)
                + "\"},{\"title\":\"  a  \"}],\"author\":\"" + "a".repeat(101) + "\",\"footer\":\"" + "a".repeat(301)
                + "\",\"link\":\"  https://x.y/z  \"");
        assertThat(b.path("fields").get(0).path("title").asString()).isEqualTo("t".repeat(27) + "...");
        assertThat(b.path("fields").get(0).path("value").asString()).isEqualTo("v".repeat(197) + "...");
        assertThat(b.path("fields").get(1).path("title").asString()).isEqualTo("a");
        assertThat(b.path("author").asString()).isEqualTo("a".repeat(97) + "...");
        assertThat(b.path("footer").asString()).isEqualTo("a".repeat(297) + "...");
        assertThat(b.path("link").asString()).isEqualTo("https://x.y/z");
    }

    @Test
    void d06_escalationSortedAndCleaned() {
        JsonNode e = queue("\"header\":\"x\",\"escalation\":[{\"delaySeconds\":60,\"severity\":\" ERROR \"},"
                + "{\"delaySeconds\":30,\"severity\":\"warning\",\"moveToChannel\":\"  c12345678  \","
                + "\"slackMentions\":[\"  <@U123>  \"]}]").path("escalation");
        assertThat(e.get(0).path("delaySeconds").asLong()).isEqualTo(30);
        assertThat(e.get(0).path("moveToChannel").asString()).isEqualTo("C12345678");
        assertThat(e.get(0).path("slackMentions").get(0).asString()).isEqualTo("<@U123>");
        assertThat(e.get(1).path("severity").asString()).isEqualTo("error");
        assertThat(e.get(1).path("slackMentions").isNull()).isTrue();
    }

    @Test
    void d08_timestamps() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(post("/alerts", "[" + alertAt(now.minusDays(8)) + "," + alertAt(now.minusDays(6)) + ","
                + alertAt(now.plusDays(1)) + ",{\"slackChannelId\":\"C123\",\"header\":\"x\",\"timestamp\":\"0001-01-01T00:00:00Z\"}]")
                .status()).isEqualTo(202);
        var q = queued("C123");
        assertThat(Duration.between(ts(q.get(0)), now).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(ts(q.get(1)).toInstant()).isEqualTo(now.minusDays(6).toInstant());
        assertThat(ts(q.get(2)).toInstant()).isEqualTo(now.plusDays(1).toInstant());
        assertThat(Duration.between(ts(q.get(3)), now).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void d08_passThroughFields() {
        JsonNode b = queue("\"header\":\"x\",\"correlationId\":\"  FOO  \",\"ignoreIfTextContains\":[\"  Foo  \"],"
                + "\"metadata\":{\"n\":100,\"s\":\"x\"}");
        assertThat(b.path("correlationId").asString()).isEqualTo("FOO");
        assertThat(b.path("ignoreIfTextContains").get(0).asString()).isEqualTo("  Foo  ");
        assertThat(b.path("metadata").path("n").asInt()).isEqualTo(100);
        assertThat(b.path("metadata").path("s").asString()).isEqualTo("x");
    }

    private static String alertAt(OffsetDateTime t) {
        return "{\"slackChannelId\":\"C123\",\"header\":\"x\",\"timestamp\":\"" + t + "\"}";
    }

    private static OffsetDateTime ts(Queued q) {
        return OffsetDateTime.parse(q.field("timestamp"));
    }
}
