package dev.slackmgr.api.acceptance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** acceptance-cases.md §B – channel resolution and routing. */
class AcceptanceBTest extends ApiTestBase {
    static final String R1 = FIXTURE + """
            routingRules:
              - name: prod-alerts
                equals: [production]
                channel: C111222333
            """;
    static final String R2 = FIXTURE + """
            routingRules:
              - name: fallback
                matchAll: true
                channel: C444555666
            """;
    static final String R3 = FIXTURE + """
            routingRules:
              - {name: catch-all, matchAll: true, channel: C500000005}
              - {name: regex-rule, matchesRegex: ["^dev-.*-test$"], channel: C400000004}
              - {name: prefix-rule, hasPrefix: ["prod-"], channel: C300000003}
              - {name: exact-rule, equals: ["prod-service"], channel: C200000002}
            """;
    static final String R4 = FIXTURE + """
            routingRules:
              - {name: exact-with-type, alertType: security, equals: [key1], channel: C100000001}
              - {name: exact-no-type, equals: [key1], channel: C200000002}
            """;
    static final String R5 = FIXTURE + """
            routingRules:
              - {name: rx, matchesRegex: ["prod"], channel: C300000003}
            """;

    @Test
    void b01_channelFromPathAndBodyBeatsPath() {
        assertThat(post("/alert/C456", "{\"header\":\"Test Alert\"}").status()).isEqualTo(202);
        assertThat(post("/alerts/C456", "{\"slackChannelId\":\"C123\",\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(queued("C456")).hasSize(1);
        assertThat(queued("C123")).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"alerts,C123", "ALERTS,C123", "c123,C123"})
    void b02_channelNamesAndLowerCaseIds(String given, String expected) {
        assertThat(post("/alerts", "{\"slackChannelId\":\"" + given + "\",\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(queued(expected)).extracting(q -> q.field("slackChannelId")).containsExactly(expected);
    }

    @Test
    void b02_channelNameInPath() {
        assertThat(post("/alerts/ops", "{\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(queued("C456")).hasSize(1);
    }

    @Test
    void b03_unknownName() {
        Response r = post("/alerts", "{\"slackChannelId\":\"no-such-channel\",\"header\":\"x\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("Unable to find channel NO-SUCH-CHANNEL in workspace");
    }

    @Test
    void b04_illegalCharactersAndLength() {
        assertThat(post("/alerts", "{\"slackChannelId\":\"foo bar\",\"header\":\"x\"}").error())
                .isEqualTo("Input validation failed: slackChannelId 'FOO BAR' is not valid");
        assertThat(post("/alerts", "{\"slackChannelId\":\"" + "a".repeat(81) + "\",\"header\":\"x\"}").error())
                .startsWith("Input validation failed: slackChannelId '" + "A".repeat(81));
        assertThat(post("/alerts", "{\"slackChannelId\":\"" + "a".repeat(80) + "\",\"header\":\"x\"}").error())
                .isEqualTo("Unable to find channel " + "A".repeat(80) + " in workspace");
        assertThat(queued()).isEmpty();
    }

    @Test
    void b05_routeKeyExactAndCaseInsensitive() {
        settings(R1);
        assertThat(post("/alerts", "{\"routeKey\":\"production\",\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(post("/alerts", "{\"routeKey\":\"PRODUCTION\",\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(queued("C111222333")).extracting(q -> q.field("routeKey")).containsExactly("production", "production");
    }

    @Test
    void b06_noMapping() {
        assertThat(post("/alerts", "{\"routeKey\":\"unmapped-key\",\"type\":\"test\",\"header\":\"x\"}").error())
                .isEqualTo("No mapping exists for route key unmapped-key and alert type test");
        assertThat(post("/alerts", "{\"header\":\"x\"}").error())
                .isEqualTo("Alert has no route key, and no fallback mapping exists");
    }

    @Test
    void b07_catchAll() {
        settings(R2);
        assertThat(post("/alerts", "{\"routeKey\":\"unknown-key\",\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(post("/alerts", "{\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(queued("C444555666")).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource({"prod-service,C200000002", "prod-other,C300000003", "dev-foo-test,C400000004",
            "DEV-FOO-TEST,C400000004", "unknown,C500000005"})
    void b08_precedence(String routeKey, String channel) {
        settings(R3);
        assertThat(post("/alerts", "{\"routeKey\":\"" + routeKey + "\",\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(queued(channel)).hasSize(1);
    }

    @Test
    void b08_regexSearchSemantics() {
        settings(R5);
        assertThat(post("/alerts", "{\"routeKey\":\"my-prod-db\",\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(queued("C300000003")).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(value = {"security,C100000001", "SECURITY,C100000001", "other,C200000002", "'',C200000002"})
    void b09_alertTypePrecedence(String type, String channel) {
        settings(R4);
        assertThat(post("/alerts", "{\"routeKey\":\"key1\",\"type\":\"" + type + "\",\"header\":\"x\"}").status())
                .isEqualTo(202);
        assertThat(queued(channel)).hasSize(1);
    }

    @Test
    void b10_channelBeatsRouteKey() {
        settings(R1);
        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"routeKey\":\"production\",\"header\":\"x\"}")
                .status()).isEqualTo(202);
        assertThat(queued("C123")).extracting(q -> q.field("routeKey")).containsExactly("production");
    }

    @Test
    void b11_oneUnroutableAlertFailsTheBatch() {
        Response r = post("/alerts", "[{\"slackChannelId\":\"C123\",\"header\":\"a\"},{\"routeKey\":\"nope\",\"header\":\"b\"}]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("No mapping exists for route key nope and alert type ");
        assertThat(queued()).isEmpty();
    }

    /** Quirk kept: the route key is matched lower-cased but untrimmed, and trimmed by cleaning afterwards. */
    @Test
    void b12_untrimmedRouteKey() {
        settings(R1);
        assertThat(post("/alerts", "{\"routeKey\":\" production \",\"header\":\"x\"}").error())
                .isEqualTo("No mapping exists for route key  production  and alert type ");
        settings(R1 + """
                  - name: fallback
                    matchAll: true
                    channel: C444555666
                """);
        assertThat(post("/alerts", "{\"routeKey\":\" production \",\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(queued("C444555666")).extracting(q -> q.field("routeKey")).containsExactly("production");
    }

    /** Better than the reference: a whitespace-only channel counts as absent, so the path parameter applies. */
    @Test
    void whitespaceOnlyChannelUsesPath() {
        assertThat(post("/alerts/C456", "{\"slackChannelId\":\"   \",\"header\":\"x\"}").status()).isEqualTo(202);
        assertThat(queued("C456")).hasSize(1);
    }
}
