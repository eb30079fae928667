package dev.slackmgr.api.acceptance;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** acceptance-cases.md §E – validation (every rule is unit-tested in common; here the HTTP contract). */
class AcceptanceETest extends ApiTestBase {
    private static final String PREFIX = "Input validation failed: ";

    private Response alert(String fields) {
        return post("/alerts", "{\"slackChannelId\":\"C123\"" + (fields.isEmpty() ? "" : "," + fields) + "}");
    }

    private void assertRejected(String fields, String message) {
        Response r = alert(fields);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo(PREFIX + message);
        assertThat(queued()).isEmpty();
    }

    @Test
    void e01_headerAndTextEmpty() {
        assertRejected("", "header and text cannot both be empty");
        assertRejected("\"header\":\"   \",\"text\":\"\\n\"", "header and text cannot both be empty");
        assertRejected("\"headerWhenResolved\":\"x\"", "header and text cannot both be empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"severity\":\"foo\"|severity 'foo' is not valid, expected one of [panic, error, warning, resolved, info]",
            "\"severity\":\"warn\"|severity 'warn' is not valid, expected one of [panic, error, warning, resolved, info]",
            "\"iconEmoji\":\":foo:bar:\"|iconEmoji ':foo:bar:' is not valid",
            "\"iconEmoji\":\"foo\"|iconEmoji 'foo' is not valid",
            "\"link\":\"foo\"|link is not a valid absolute URL",
            "\"link\":\"/foo\"|link is not a valid absolute URL",
            "\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":29|autoResolveSeconds 29 is too low, expected value >=30",
            "\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":-1|autoResolveSeconds -1 is too low, expected value >=30",
            "\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":63113852|autoResolveSeconds 63113852 is too high, expected value <=63113851",
            "\"escalation\":[{\"delaySeconds\":29,\"severity\":\"error\"}]|escalation[0].delaySeconds '29' is too low, expected value >=30",
            "\"escalation\":[{\"delaySeconds\":59,\"severity\":\"panic\"},{\"delaySeconds\":30,\"severity\":\"error\"}]|escalation[1].delaySeconds '59' is too small compared to previous escalation, expected diff >=30",
            "\"escalation\":[{\"delaySeconds\":30,\"severity\":\"info\"}]|escalation[0].severity 'info' is not valid, expected one of [panic, error, warning]",
            "\"escalation\":[{\"delaySeconds\":30,\"severity\":\"error\",\"slackMentions\":[\"<!everyone>\"]}]|escalation[0].slackMentions[0] is not valid",
            "\"escalation\":[{\"delaySeconds\":30,\"severity\":\"error\",\"moveToChannel\":\"foo bar\"}]|escalation[0].moveToChannel is not valid",
            "\"escalation\":[null]|escalation[0] is nil",
            "\"webhooks\":[null]|webhook[0] is nil"})
    void e02_to_e07_rules(String fields, String message) {
        assertRejected("\"header\":\"x\"," + fields, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"iconEmoji\":\":foo:\"", "\"link\":\"http://foo.bar?foo=bar#sfd\"",
            "\"link\":\"mailto:ops@example.com\"", "\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":30",
            "\"issueFollowUpEnabled\":false,\"autoResolveSeconds\":-1", "\"fields\":[null]", "\"webhooks\":[]",
            "\"escalation\":[{\"delaySeconds\":30,\"severity\":\"error\",\"slackMentions\":[\"<!here>\",\"<!channel>\",\"<@U123ABC>\"]}]"})
    void e02_to_e07_accepted(String fields) {
        Response r = alert("\"header\":\"x\"," + fields);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
    }

    @Test
    void e03_correlationIdLength() {
        assertRejected("\"header\":\"x\",\"correlationId\":\"" + "a".repeat(501) + "\"",
                "correlationId is too long, expected length <=500");
        assertThat(alert("\"header\":\"x\",\"correlationId\":\"" + "a".repeat(500) + "\"").status()).isEqualTo(202);
    }

    @Test
    void e04_counts() {
        String fields = IntStream.range(0, 21).mapToObj(i -> "{\"title\":\"t\",\"value\":\"v\"}")
                .collect(Collectors.joining(",", "[", "]"));
        assertRejected("\"header\":\"x\",\"fields\":" + fields, "too many fields, expected <=20");
        String terms = IntStream.range(0, 21).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        assertRejected("\"header\":\"x\",\"ignoreIfTextContains\":" + terms, "too many ignoreIfTextContains items, expected <=20");
        assertRejected("\"header\":\"x\",\"ignoreIfTextContains\":[\"foo\",\"" + "a".repeat(1001) + "\"]",
                "ignoreIfTextContains[1] is too long, expected length <=1000");
    }

    @Test
    void e07_tooManyEscalationPoints() {
        assertRejected("\"header\":\"x\",\"escalation\":[{\"delaySeconds\":30,\"severity\":\"error\"},"
                + "{\"delaySeconds\":60,\"severity\":\"error\"},{\"delaySeconds\":90,\"severity\":\"error\"},"
                + "{\"delaySeconds\":120,\"severity\":\"error\"}]", "too many escalation points, expected <=3");
    }

    @Test
    void e09_wholeBatchRejected() {
        Response r = post("/alerts", "[{\"slackChannelId\":\"C123\",\"header\":\"ok\"},"
                + "{\"slackChannelId\":\"C123\",\"severity\":\"foo\",\"header\":\"bad\"}]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo(PREFIX + "severity 'foo' is not valid, expected one of [panic, error, warning, resolved, info]");
        assertThat(queued()).isEmpty();
    }
}
