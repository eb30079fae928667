package dev.slackmgr.api.settings;

import dev.slackmgr.api.ratelimit.RateLimitConfig;
import dev.slackmgr.api.routing.RoutingRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiSettingsParserTest {

    static final String SAMPLE = """
            routingRules:
              - name: Team A
                description: Team A alerts
                equals: ["a"]
                hasPrefix: ["a-", "a_", "a/"]
                channel: C0AAAAAAAAA
              - name: Fallback
                matchAll: true
                channel: C0ZZZZZZZZZ
            rateLimitPerAlertChannel:
              alertsPerSecond: 0.5
              allowedBurst: 5
            maxUsersInAlertChannel: 250
            apiKeys:
              - " secret-1 "
              - secret-2
            """;

    @Test
    void parsesTheReferenceKeys() throws Exception {
        ApiSettings s = ApiSettingsParser.parse(SAMPLE);
        assertThat(s.routingRules().view()).extracting(RoutingRule::name).containsExactly("Team A", "Fallback");
        assertThat(s.routingRules().match("a-1", "").map(RoutingRule::channel)).contains("C0AAAAAAAAA");
        assertThat(s.routingRules().match("zzz", "").map(RoutingRule::channel)).contains("C0ZZZZZZZZZ");
        assertThat(s.rateLimitPerAlertChannel()).isEqualTo(new RateLimitConfig(0.5, 5));
        assertThat(s.maxUsersInAlertChannel()).isEqualTo(250);
        assertThat(s.apiKeys()).containsExactly("secret-1", "secret-2");
        assertThat(s.authenticationRequired()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# only a comment\n", "---\n", "null\n"})
    void emptyDocumentGivesDefaults(String doc) throws Exception {
        ApiSettings s = ApiSettingsParser.parse(doc);
        assertThat(s).isEqualTo(ApiSettings.defaults());
        assertThat(s.routingRules().view()).isNull();
        assertThat(s.rateLimitPerAlertChannel()).isEqualTo(new RateLimitConfig(1, 30));
        assertThat(s.maxUsersInAlertChannel()).isEqualTo(100);
        assertThat(s.authenticationRequired()).isFalse();
    }

    @Test
    void absentKeysTakeDefaults() throws Exception {
        ApiSettings s = ApiSettingsParser.parse("rateLimitPerAlertChannel:\n  allowedBurst: 7\n");
        assertThat(s.rateLimitPerAlertChannel()).isEqualTo(new RateLimitConfig(1, 7));
        assertThat(s.maxUsersInAlertChannel()).isEqualTo(100);
        assertThat(ApiSettingsParser.parse("rateLimitPerAlertChannel: {alertsPerSecond: 2}\n")
                .rateLimitPerAlertChannel()).isEqualTo(new RateLimitConfig(2, 30));
    }

    @Test
    void explicitlyEmptyRuleListIsKept() throws Exception {
        assertThat(ApiSettingsParser.parse("routingRules: []\n").routingRules().view()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rateLimitPerAlertChannel: {alertsPerSecond: 0.0009}|rateLimitPerAlertChannel.alertsPerSecond: rate limit config is invalid: alerts per second must be between 0.001 and 1000",
            "rateLimitPerAlertChannel: {alertsPerSecond: 1000.5}|rateLimitPerAlertChannel.alertsPerSecond: rate limit config is invalid: alerts per second must be between 0.001 and 1000",
            "rateLimitPerAlertChannel: {alertsPerSecond: 0}|rateLimitPerAlertChannel.alertsPerSecond: rate limit config is invalid: alerts per second must be between 0.001 and 1000",
            "rateLimitPerAlertChannel: {allowedBurst: 0}|rateLimitPerAlertChannel.allowedBurst: rate limit config is invalid: allowed burst must be between 1 and 10000",
            "rateLimitPerAlertChannel: {allowedBurst: 10001}|rateLimitPerAlertChannel.allowedBurst: rate limit config is invalid: allowed burst must be between 1 and 10000",
            "rateLimitPerAlertChannel: null|rateLimitPerAlertChannel: rate limit config is required",
            "maxUsersInAlertChannel: 0|maxUsersInAlertChannel: max users in alert channel must be between 1 and 10000",
            "maxUsersInAlertChannel: 10001|maxUsersInAlertChannel: max users in alert channel must be between 1 and 10000",
            "apiKeys: ['ok', '  ']|apiKeys[1]: api key cannot be empty",
            "routingRules: [{name: r, equals: [k], channel: invalid}]|routingRules: rule[0].channel is not a valid Slack channel ID",
            "routingRules: [{name: '   ', equals: [k], channel: C123456789}]|routingRules: rule[0].name cannot be empty",
    })
    void invalidValuesNameTheKey(String doc, String message) {
        assertThatThrownBy(() -> ApiSettingsParser.parse(doc))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage(message);
    }

    @Test
    void boundariesAreAccepted() throws Exception {
        ApiSettings low = ApiSettingsParser.parse(
                "rateLimitPerAlertChannel: {alertsPerSecond: 0.001, allowedBurst: 1}\nmaxUsersInAlertChannel: 1\n");
        assertThat(low.rateLimitPerAlertChannel()).isEqualTo(new RateLimitConfig(0.001, 1));
        ApiSettings high = ApiSettingsParser.parse(
                "rateLimitPerAlertChannel: {alertsPerSecond: 1000, allowedBurst: 10000}\nmaxUsersInAlertChannel: 10000\n");
        assertThat(high.rateLimitPerAlertChannel()).isEqualTo(new RateLimitConfig(1000, 10000));
        assertThat(high.maxUsersInAlertChannel()).isEqualTo(10000);
    }

    @Test
    void wrongTypesNameTheKey() {
        assertThatThrownBy(() -> ApiSettingsParser.parse("rateLimitPerAlertChannel: {allowedBurst: 1.5}\n"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("rateLimitPerAlertChannel.allowedBurst: invalid value: ");
        assertThatThrownBy(() -> ApiSettingsParser.parse("rateLimitPerAlertChannel: {alertsPerSecond: .nan}\n"))
                .hasMessageStartingWith("rateLimitPerAlertChannel.alertsPerSecond: invalid value: ");
        assertThatThrownBy(() -> ApiSettingsParser.parse("maxUsersInAlertChannel: lots\n"))
                .hasMessageStartingWith("maxUsersInAlertChannel: invalid value: ");
        assertThatThrownBy(() -> ApiSettingsParser.parse("routingRules: [{name: r, equals: {a: 1}}]\n"))
                .hasMessageStartingWith("routingRules[0].equals: invalid value: ");
        assertThatThrownBy(() -> ApiSettingsParser.parse("routingRules: nope\n"))
                .hasMessageStartingWith("routingRules: invalid value: ");
    }

    @Test
    void unknownKeysAreRejected() {
        assertThatThrownBy(() -> ApiSettingsParser.parse("routingRule: []\n"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("routingRule: unknown key");
        assertThatThrownBy(() -> ApiSettingsParser.parse("routingRules: [{teamName: x, matchAll: true, channel: C123456789}]\n"))
                .hasMessage("routingRules[0].teamName: unknown key");
    }

    @Test
    void malformedYamlIsRejected() {
        assertThatThrownBy(() -> ApiSettingsParser.parse("routingRules: [\n"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("invalid value");
        assertThatThrownBy(() -> ApiSettingsParser.parse("- a\n- b\n"))
                .isInstanceOf(InvalidSettingsException.class);
    }

    @Test
    void nullRuleFieldsAreZeroValues() throws Exception {
        ApiSettings s = ApiSettingsParser.parse("routingRules:\n  - name: r\n    matchAll:\n    equals: [k]\n    channel: C123456789\n");
        assertThat(s.routingRules().view().get(0).matchAll()).isFalse();
        assertThat(s.routingRules().view().get(0).description()).isEmpty();
    }

    @Test
    void defaultsAreImmutable() {
        assertThatThrownBy(() -> ApiSettings.defaults().apiKeys().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
