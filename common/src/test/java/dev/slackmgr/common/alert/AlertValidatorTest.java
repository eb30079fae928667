package dev.slackmgr.common.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.slackmgr.common.alert.AlertFixtures.cleaned;
import static dev.slackmgr.common.alert.AlertFixtures.cleanedWith;
import static org.assertj.core.api.Assertions.assertThat;

class AlertValidatorTest {
    /** A valid webhook; {@code W} in acceptance-cases.md E05. */
    static final String W = "\"id\":\"foo\",\"url\":\"http://foo.bar\",\"buttonText\":\"press me\"";

    static String webhook(String extra) {
        return "\"webhooks\":[{" + W + (extra.isEmpty() ? "" : "," + extra) + "}]";
    }

    static String failure(String members) {
        return AlertValidator.validate(cleanedWith(members)).orElse(null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"slackChannelId\":\"C123\"}|header and text cannot both be empty",
            "{\"slackChannelId\":\"C123\",\"header\":\"   \",\"text\":\"\\n\"}|header and text cannot both be empty",
            "{\"slackChannelId\":\"C123\",\"headerWhenResolved\":\"x\",\"textWhenResolved\":\"y\"}|header and text cannot both be empty",
            "{\"slackChannelId\":\"foo bar\",\"header\":\"x\"}|slackChannelId 'FOO BAR' is not valid",
            "{\"slackChannelId\":\"${a*81}\",\"header\":\"x\"}|slackChannelId '${A*81}' is not valid",
            "{\"slackChannelId\":\"c1é\",\"header\":\"x\"}|slackChannelId 'C1É' is not valid",
            "{\"slackChannelId\":\"  \",\"routeKey\":\"${k*1001}\",\"header\":\"x\"}|routeKey is too long, expected length <=1000",
            "{\"slackChannelId\":\"\",\"routeKey\":\"${é*501}\",\"header\":\"x\"}|routeKey is too long, expected length <=1000",
            "{\"slackChannelId\":\"C123\",\"routeKey\":\"${k*1001}\"}|header and text cannot both be empty",
    })
    void alertLevelChecks(String json, String message) {
        assertThat(AlertValidator.validate(cleaned(json))).contains(AlertFixtures.expand(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"slackChannelId\":\"C123\",\"text\":\"t\"}", "{\"slackChannelId\":\"team-alerts_1\",\"header\":\"h\"}",
            "{\"slackChannelId\":\"${a*80}\",\"header\":\"x\"}", "{\"routeKey\":\"${k*1000}\",\"header\":\"x\"}",
            "{\"slackChannelId\":\"C123\",\"routeKey\":\"${k*1001}\",\"header\":\"x\"}"})
    void validAlerts(String json) {
        assertThat(AlertValidator.validate(cleaned(json))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"severity\":\"foo\"|severity 'foo' is not valid, expected one of [panic, error, warning, resolved, info]",
            "\"severity\":\" WARN \"|severity 'warn' is not valid, expected one of [panic, error, warning, resolved, info]",
            "\"iconEmoji\":\":foo:bar:\"|iconEmoji ':foo:bar:' is not valid",
            "\"iconEmoji\":\"foo\"|iconEmoji 'foo' is not valid",
            "\"iconEmoji\":\"foo:\"|iconEmoji 'foo:' is not valid",
            "\"iconEmoji\":\"::\"|iconEmoji '::' is not valid",
            "\"iconEmoji\":\":${a*51}:\"|iconEmoji ':${a*51}:' is not valid",
            "\"iconEmoji\":\":${日*51}:\"|iconEmoji ':${日*51}:' is not valid",
            "\"link\":\"foo\"|link is not a valid absolute URL",
            "\"correlationId\":\"${a*501}\"|correlationId is too long, expected length <=500",
            "\"correlationId\":\"${é*251}\"|correlationId is too long, expected length <=500",
            "\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":29|autoResolveSeconds 29 is too low, expected value >=30",
            "\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":-1|autoResolveSeconds -1 is too low, expected value >=30",
            "\"issueFollowUpEnabled\":true|autoResolveSeconds 0 is too low, expected value >=30",
            "\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":63113852|autoResolveSeconds 63113852 is too high, expected value <=63113851",
            "\"fields\":[${{},*20}{}]|too many fields, expected <=20",
            "\"fields\":[${null,*20}null]|too many fields, expected <=20",
            "\"ignoreIfTextContains\":[${\"a\",*20}\"a\"]|too many ignoreIfTextContains items, expected <=20",
            "\"ignoreIfTextContains\":[\"foo\",\"${a*1001}\"]|ignoreIfTextContains[1] is too long, expected length <=1000",
            "\"ignoreIfTextContains\":[\"${日*334}\"]|ignoreIfTextContains[0] is too long, expected length <=1000",
            "\"severity\":\"foo\",\"iconEmoji\":\"bad\"|iconEmoji 'bad' is not valid",
            "\"severity\":\"foo\",\"correlationId\":\"${a*501}\"|severity 'foo' is not valid, expected one of [panic, error, warning, resolved, info]",
            "\"fields\":[${{},*20}{}],\"webhooks\":[null]|too many fields, expected <=20",
            "\"webhooks\":[null],\"escalation\":[null]|webhook[0] is nil",
            "\"escalation\":[null],\"ignoreIfTextContains\":[${\"a\",*21}\"a\"]|escalation[0] is nil",
    })
    void fieldChecksAndTheirOrder(String members, String message) {
        assertThat(failure(members)).isEqualTo(AlertFixtures.expand(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"iconEmoji\":\":foo:\"", "\"iconEmoji\":\":${a*50}:\"", "\"iconEmoji\":\":${日*50}:\"",
            "\"iconEmoji\":\" :Foo: \"", "\"correlationId\":\"${a*500}\"", "\"severity\":\"INFO\"",
            "\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":30",
            "\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":63113851",
            "\"issueFollowUpEnabled\":false,\"autoResolveSeconds\":-1", "\"fields\":[${{},*19}{}]", "\"fields\":[null]",
            "\"ignoreIfTextContains\":[${\"a\",*19}\"a\"]", "\"ignoreIfTextContains\":[\"${a*1000}\"]",
            "\"webhooks\":[]", "\"escalation\":[]"})
    void acceptedFieldValues(String members) {
        assertThat(failure(members)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://foo.bar?foo=bar#sfd", "mailto:ops@example.com", "https://x.y/z", "javascript:x",
            "http://", "http:///path", "HTTP://EXAMPLE.COM", "https://user:pa%20ss@host:8080/p%20ath?q=%zz",
            "https://[fe80::1%25en0]:8080/", "ftp://h/a#frag", "x:/", "https://ex.com?", "https://ex.com/?a?b",
            "https://日本.jp/パス", "scheme+x.y-z:opaque"})
    void validLinks(String link) {
        assertThat(failure("\"link\":\"" + link + "\"")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "/foo", "www.example.com", "*", ":foo", "1http://x", "http://foo bar/",
            "http://foo.bar#frag", "http://ex.com/%zz", "http://ex.com/%4", "http://h:port/", "http://[::1/",
            "http://[::1]x/", "http://us er@h/", "http://h%41/", "http://h/\\u007f", "http://h/\\tx"})
    void invalidLinks(String link) {
        assertThat(failure("\"link\":\"" + link + "\"")).isEqualTo("link is not a valid absolute URL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"webhooks\":[${{\"id\":\"a\",\"url\":\"http://foo.bar\",\"buttonText\":\"b\"},*5}{\"id\":\"z\"}]|too many webhooks, expected <=5",
            "\"webhooks\":[{" + W + "},{" + W + "}]|webhook[1].id must be unique",
            "\"webhooks\":[{" + W + "},null]|webhook[1] is nil",
            "\"webhooks\":[null]|webhook[0] is nil",
            "\"webhooks\":[{\"id\":\"\",\"url\":\"http://foo.bar\",\"buttonText\":\"b\"}]|webhook[0].id is required",
            "\"webhooks\":[{\"id\":\"  \",\"url\":\"http://foo.bar\",\"buttonText\":\"b\"}]|webhook[0].id is required",
            "\"webhooks\":[{\"id\":\"${i*101}\",\"url\":\"http://foo.bar\",\"buttonText\":\"b\"}]|webhook[0].id is too long, expected length <=100",
            "\"webhooks\":[{\"id\":\"w\",\"buttonText\":\"b\"}]|webhook[0].url is required",
            "\"webhooks\":[{\"id\":\"w\",\"url\":\"http://foo.bar/${u*986}\",\"buttonText\":\"b\"}]|webhook[0].url is too long, expected length <=1000",
            "\"webhooks\":[{\"id\":\"w\",\"url\":\"http://\",\"buttonText\":\"b\"}]|webhook[0].url is not a valid absolute URL",
            "\"webhooks\":[{\"id\":\"w\",\"url\":\"https://\",\"buttonText\":\"b\"}]|webhook[0].url is not a valid absolute URL",
            "\"webhooks\":[{\"id\":\"w\",\"url\":\"httpfoo\",\"buttonText\":\"b\"}]|webhook[0].url is not a valid absolute URL",
            "\"webhooks\":[{\"id\":\"w\",\"url\":\"HTTP:///x\",\"buttonText\":\"b\"}]|webhook[0].url is not a valid absolute URL",
            "\"webhooks\":[{\"id\":\"w\",\"url\":\"custom-handler\\u0000invalid\",\"buttonText\":\"b\"}]|webhook[0].url contains invalid characters, expected printable ASCII",
            "\"webhooks\":[{\"id\":\"w\",\"url\":\"handler-é\",\"buttonText\":\"b\"}]|webhook[0].url contains invalid characters, expected printable ASCII",
            "\"webhooks\":[{\"id\":\"w\",\"url\":\"handler\\u007f\",\"buttonText\":\"b\"}]|webhook[0].url contains invalid characters, expected printable ASCII",
            "\"webhooks\":[{\"id\":\"w\",\"url\":\"http://foo.bar\"}]|webhook[0].buttonText is required",
            "\"webhooks\":[{\"id\":\"w\",\"url\":\"http://foo.bar\",\"buttonText\":\"${b*26}\"}]|webhook[0].buttonText is too long, expected length <=25",
            "\"webhooks\":[{\"id\":\"w\",\"url\":\"http://foo.bar\",\"buttonText\":\"${é*13}\"}]|webhook[0].buttonText is too long, expected length <=25",
            "\"webhooks\":[{\"id\":\"w\",\"url\":\"http://foo.bar\",\"buttonText\":\"b\",\"confirmationText\":\"${c*1001}\"}]|webhook[0].confirmationText is too long, expected length <=1000",
    })
    void webhookChecks(String members, String message) {
        assertThat(failure(members)).isEqualTo(AlertFixtures.expand(message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"buttonStyle\":\"foo\"|webhook[0].buttonStyle 'foo' is not valid, expected empty or one of [default, primary, danger]",
            "\"buttonStyle\":\"Primary\"|webhook[0].buttonStyle 'Primary' is not valid, expected empty or one of [default, primary, danger]",
            "\"buttonStyle\":\" danger\"|webhook[0].buttonStyle ' danger' is not valid, expected empty or one of [default, primary, danger]",
            "\"accessLevel\":\"foo\"|webhook[0].accessLevel 'foo' is not valid, expected empty or one of [global_admins, channel_admins, channel_members]",
            "\"displayMode\":\"foo\"|webhook[0].displayMode 'foo' is not valid, expected empty or one of [always, open_issue, resolved_issue]",
            "\"displayMode\":\"Always\",\"skipConfirmationDialog\":true,\"buttonStyle\":\"danger\"|webhook[0].displayMode 'Always' is not valid, expected empty or one of [always, open_issue, resolved_issue]",
            "\"skipConfirmationDialog\":true,\"buttonStyle\":\"danger\"|webhook[0].skipConfirmationDialog cannot be used with buttonStyle 'danger'",
            "\"skipConfirmationDialog\":true,\"plainTextInput\":[{\"id\":\"a\",\"maxLength\":5}]|webhook[0].skipConfirmationDialog cannot be used with plainTextInput or checkboxInput",
            "\"skipConfirmationDialog\":true,\"checkboxInput\":[{\"id\":\"a\"}]|webhook[0].skipConfirmationDialog cannot be used with plainTextInput or checkboxInput",
            "\"skipConfirmationDialog\":true,\"checkboxInput\":[null]|webhook[0].skipConfirmationDialog cannot be used with plainTextInput or checkboxInput",
            "\"plainTextInput\":[${{\"id\":\"x\"},*10}{}]|webhook[0].plainTextInput item count is too large, expected <=10",
            "\"checkboxInput\":[${{\"id\":\"x\"},*10}{}]|webhook[0].checkboxInput item count is too large, expected <=10",
            "\"plainTextInput\":[null]|webhook[0].plainTextInput[0] is nil",
            "\"plainTextInput\":[{\"id\":\"\"}]|webhook[0].plainTextInput[0].id is required",
            "\"plainTextInput\":[{\"id\":\"a\",\"maxLength\":10},{\"id\":\"a\",\"maxLength\":10}]|webhook[0].plainTextInput[1].id must be unique among all inputs",
            "\"plainTextInput\":[{\"id\":\"${i*201}\"}]|webhook[0].plainTextInput[0].id is too long, expected <=200",
            "\"plainTextInput\":[{\"id\":\"${i*201}\"},{\"id\":\"${i*201}\"}]|webhook[0].plainTextInput[0].id is too long, expected <=200",
            "\"plainTextInput\":[{\"id\":\"a\",\"description\":\"${d*201}\"}]|webhook[0].plainTextInput[0].description is too long, expected <=200",
            "\"plainTextInput\":[{\"id\":\"a\",\"minLength\":-1}]|webhook[0].plainTextInput[0].minLength must be >=0",
            "\"plainTextInput\":[{\"id\":\"a\",\"minLength\":3001}]|webhook[0].plainTextInput[0].minLength must be <=3000",
            "\"plainTextInput\":[{\"id\":\"a\",\"maxLength\":-1}]|webhook[0].plainTextInput[0].maxLength must be >=0",
            "\"plainTextInput\":[{\"id\":\"a\",\"maxLength\":3001}]|webhook[0].plainTextInput[0].maxLength must be <=3000",
            "\"plainTextInput\":[{\"id\":\"a\",\"minLength\":10,\"maxLength\":5}]|webhook[0].plainTextInput[0].maxLength cannot be smaller than minLength",
            "\"plainTextInput\":[{\"id\":\"a\",\"maxLength\":5,\"initialValue\":\"123456\"}]|webhook[0].plainTextInput[0].initialValue cannot be longer than maxLength",
            "\"plainTextInput\":[{\"id\":\"a\",\"maxLength\":5,\"initialValue\":\"ééé\"}]|webhook[0].plainTextInput[0].initialValue cannot be longer than maxLength",
            "\"plainTextInput\":[{\"id\":\"a\",\"initialValue\":\"x\"}]|webhook[0].plainTextInput[0].initialValue cannot be longer than maxLength",
            "\"plainTextInput\":[{\"id\":\"a\"}],\"checkboxInput\":[{\"id\":\"a\"}]|webhook[0].checkboxInput[0].id must be unique among all inputs",
            "\"checkboxInput\":[null]|webhook[0].checkboxInput[0] is nil",
            "\"checkboxInput\":[{\"id\":\"\"}]|webhook[0].checkboxInput[0].id is required",
            "\"checkboxInput\":[{\"id\":\"a\"},{\"id\":\"a\"}]|webhook[0].checkboxInput[1].id must be unique among all inputs",
            "\"checkboxInput\":[{\"id\":\"${i*201}\"}]|webhook[0].checkboxInput[0].id is too long, expected <=200",
            "\"checkboxInput\":[{\"id\":\"a\",\"label\":\"${l*201}\"}]|webhook[0].checkboxInput[0].label is too long, expected <=200",
            "\"checkboxInput\":[{\"id\":\"a\",\"options\":[${{\"value\":\"v\"},*5}{}]}]|webhook[0].checkboxInput[0].options item count is too large, expected <=5",
            "\"checkboxInput\":[{\"id\":\"a\",\"options\":[null]}]|webhook[0].checkboxInput[0].options[0] is nil",
            "\"checkboxInput\":[{\"id\":\"a\",\"options\":[{\"value\":\"\"}]}]|webhook[0].checkboxInput[0].options[0].value is required",
            "\"checkboxInput\":[{\"id\":\"a\",\"options\":[{\"value\":\" \"},{\"value\":\"${v*101}\"}]}]|webhook[0].checkboxInput[0].options[1].value is too long, expected <=100",
            "\"checkboxInput\":[{\"id\":\"a\",\"options\":[{\"value\":\"v\"},{\"value\":\"v\"}]}]|webhook[0].checkboxInput[0].options[1].value must be unique",
            "\"checkboxInput\":[{\"id\":\"a\",\"options\":[{\"value\":\"v\",\"text\":\"${t*51}\"}]}]|webhook[0].checkboxInput[0].options[0].text is too long, expected <=50",
            "\"plainTextInput\":[{\"id\":\"a\",\"minLength\":-1}],\"checkboxInput\":[null]|webhook[0].plainTextInput[0].minLength must be >=0",
    })
    void webhookFieldAndInputChecks(String extra, String message) {
        assertThat(failure(webhook(extra))).isEqualTo(AlertFixtures.expand(message));
    }

    static String payload(int keys) {
        return "\"payload\":{" + java.util.stream.IntStream.range(0, keys).mapToObj(i -> "\"k" + i + "\":" + i)
                .collect(java.util.stream.Collectors.joining(",")) + "}";
    }

    @Test
    void payloadKeyCount() {
        assertThat(failure(webhook(payload(50)))).isNull();
        assertThat(failure(webhook(payload(51)))).isEqualTo("webhook[0].payload item count is too large, expected <=50");
        assertThat(failure(webhook(payload(51) + ",\"skipConfirmationDialog\":true,\"buttonStyle\":\"danger\"")))
                .isEqualTo("webhook[0].skipConfirmationDialog cannot be used with buttonStyle 'danger'");
    }

    @Test
    void laterWebhookIndexIsReported() {
        assertThat(failure("\"webhooks\":[{" + W + "},{\"id\":\"w2\",\"url\":\"http://x\",\"buttonText\":\"b\","
                + "\"plainTextInput\":[{\"id\":\"a\",\"maxLength\":1},{\"id\":\"b\",\"maxLength\":3001}]}]"))
                .isEqualTo("webhook[1].plainTextInput[1].maxLength must be <=3000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"buttonStyle\":\"default\"", "\"buttonStyle\":\"primary\"", "\"buttonStyle\":\"danger\"",
            "\"accessLevel\":\"channel_members\"", "\"displayMode\":\"resolved_issue\"", "\"url\":\"my-custom-handler:action\"",
            "\"url\":\"custom handler ~!\"", "\"skipConfirmationDialog\":true", "\"skipConfirmationDialog\":true,\"plainTextInput\":[]",
"\"plainTextInput\":[{\"id\":\"a\",\"minLength\":5,\"maxLength\":100,\"initialValue\":\"ab\"}]",
            "\"plainTextInput\":[{\"id\":\"a\",\"maxLength\":3000,\"minLength\":3000}]",
            "\"checkboxInput\":[{\"id\":\"a\",\"options\":[{\"value\":\"v\",\"text\":\"${t*50}\"},{\"value\":\"${v*100}\"}]}]",
            "\"checkboxInput\":[{\"id\":\"a\",\"options\":[${{\"value\":\"v\"},*0}{\"value\":\"1\"},{\"value\":\"2\"},{\"value\":\"3\"},{\"value\":\"4\"},{\"value\":\"5\"}]}]"})
    void acceptedWebhooks(String extra) {
        assertThat(failure(webhook(extra))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[{\"delaySeconds\":29,\"severity\":\"error\"}]|escalation[0].delaySeconds '29' is too low, expected value >=30",
            "[{\"delaySeconds\":59,\"severity\":\"panic\"},{\"delaySeconds\":30,\"severity\":\"error\"}]|escalation[1].delaySeconds '59' is too small compared to previous escalation, expected diff >=30",
            "[{\"delaySeconds\":60,\"severity\":\"panic\"},{\"delaySeconds\":60,\"severity\":\"error\"}]|escalation[1].delaySeconds '60' is too small compared to previous escalation, expected diff >=30",
            "[{\"delaySeconds\":30,\"severity\":\"info\"}]|escalation[0].severity 'info' is not valid, expected one of [panic, error, warning]",
            "[{\"delaySeconds\":30,\"severity\":\"resolved\"}]|escalation[0].severity 'resolved' is not valid, expected one of [panic, error, warning]",
            "[{\"delaySeconds\":30,\"severity\":\"\"}]|escalation[0].severity '' is not valid, expected one of [panic, error, warning]",
            "[{\"delaySeconds\":30,\"severity\":\" CRITICAL \"}]|escalation[0].severity 'critical' is not valid, expected one of [panic, error, warning]",
            "[{\"delaySeconds\":30,\"severity\":\"error\",\"slackMentions\":[${\"<!here>\",*10}\"<!here>\"]}]|escalation[0].slackMentions item count is too large, expected <=10",
            "[{\"delaySeconds\":30,\"severity\":\"error\",\"slackMentions\":[\"foo\"]}]|escalation[0].slackMentions[0] is not valid",
            "[{\"delaySeconds\":30,\"severity\":\"error\",\"slackMentions\":[\"<!here>\",\"<@${U*21}>\"]}]|escalation[0].slackMentions[1] is not valid",
            "[{\"delaySeconds\":30,\"severity\":\"error\",\"slackMentions\":[\"<!everyone>\"]}]|escalation[0].slackMentions[0] is not valid",
            "[{\"delaySeconds\":30,\"severity\":\"error\",\"slackMentions\":[\"<!subteam^S123>\"]}]|escalation[0].slackMentions[0] is not valid",
            "[{\"delaySeconds\":30,\"severity\":\"error\",\"slackMentions\":[\"<@U 1>\"]}]|escalation[0].slackMentions[0] is not valid",
            "[{\"delaySeconds\":30,\"severity\":\"error\",\"slackMentions\":[\"<@U>1>\"]}]|escalation[0].slackMentions[0] is not valid",
            "[{\"delaySeconds\":30,\"severity\":\"error\",\"slackMentions\":[\"<@>\"]}]|escalation[0].slackMentions[0] is not valid",
            "[{\"delaySeconds\":30,\"severity\":\"error\",\"slackMentions\":[null]}]|escalation[0].slackMentions[0] is not valid",
            "[{\"delaySeconds\":30,\"severity\":\"error\",\"moveToChannel\":\"foo bar\"}]|escalation[0].moveToChannel is not valid",
            "[{\"delaySeconds\":30,\"severity\":\"error\",\"moveToChannel\":\"${c*81}\"}]|escalation[0].moveToChannel is not valid",
            "[{\"delaySeconds\":30,\"severity\":\"error\"},{\"delaySeconds\":60,\"severity\":\"error\"},{\"delaySeconds\":90,\"severity\":\"error\"},{\"delaySeconds\":120,\"severity\":\"error\"}]|too many escalation points, expected <=3",
            "[null]|escalation[0] is nil",
            "[{\"delaySeconds\":30,\"severity\":\"error\"},null]|escalation[0] is nil",
    })
    void escalationChecks(String escalation, String message) {
        assertThat(failure("\"escalation\":" + escalation)).isEqualTo(AlertFixtures.expand(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!here>", "<!channel>", "<@U123ABC>", "<@${U*20}>", "<@${日*20}>", "<@U\\u000b1>", "  <@U1>  "})
    void acceptedMentions(String mention) {
        assertThat(failure("\"escalation\":[{\"delaySeconds\":30,\"severity\":\"error\",\"slackMentions\":[\"" + mention + "\"]}]"))
                .isNull();
    }

    @Test
    void acceptedEscalationLadder() {
        assertThat(failure("\"escalation\":[{\"delaySeconds\":90,\"severity\":\"panic\",\"moveToChannel\":\"c-ops_1\"},"
                + "{\"delaySeconds\":30,\"severity\":\" Warning \"},{\"delaySeconds\":60,\"severity\":\"error\","
                + "\"slackMentions\":[${\"<!here>\",*9}\"<@U1>\"]}]")).isNull();
    }

    @Test
    void firstFailingAlertOfABatchIsFound() {
        var alerts = AlertJson.decodeRequestBody(("[{\"slackChannelId\":\"C123\",\"header\":\"ok\"},"
                + "{\"slackChannelId\":\"C123\",\"severity\":\"foo\",\"header\":\"bad\"}]").getBytes());
        assertThat(alerts.stream().map(a -> AlertCleaner.clean(a, AlertFixtures.NOW)).map(AlertValidator::validate)
                .flatMap(java.util.Optional::stream).findFirst())
                .contains("severity 'foo' is not valid, expected one of [panic, error, warning, resolved, info]");
    }

    @Test
    void validationPrecedesTheIgnoreFilter() {
        Alert a = cleaned("{\"slackChannelId\":\"C123\",\"text\":\"noise\",\"ignoreIfTextContains\":[\"noise\"],"
                + "\"severity\":\"bogus\"}");
        assertThat(AlertValidator.validate(a)).hasValueSatisfying(m -> assertThat(m).startsWith("severity 'bogus'"));
        assertThat(IgnoreFilter.isIgnored(a)).isTrue();
    }
}
