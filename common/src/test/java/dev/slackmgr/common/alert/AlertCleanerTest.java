package dev.slackmgr.common.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.slackmgr.common.alert.AlertFixtures.NOW;
import static dev.slackmgr.common.alert.AlertFixtures.cleaned;
import static dev.slackmgr.common.alert.AlertFixtures.expand;
import static org.assertj.core.api.Assertions.assertThat;

class AlertCleanerTest {

    @Test
    void headerIsTrimmedAndNewlinesBecomeSpaces() {
        Alert a = cleaned("{\"header\":\"  Foo\\nbar\\r  \",\"headerWhenResolved\":\"  Hei\\nresolved  \"}");
        assertThat(a.header()).isEqualTo("Foo bar");
        assertThat(a.headerWhenResolved()).isEqualTo("Hei resolved");
    }

    @Test
    void carriageReturnInsideHeaderIsKept() {
        assertThat(cleaned("{\"header\":\"a\\r\\nb\"}").header()).isEqualTo("a\r b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "header|${a*131}|${a*127}...",
            "header|${日*131}|${日*127}...",
            "header|${a*130}|${a*130}",
            "headerWhenResolved|${a*131}|${a*127}...",
            "text|${b*10001}|${b*9997}...",
            "textWhenResolved|${b*10001}```|${b*9994}...```",
            "fallbackText|${x*151}|${x*147}...",
            "fallbackText|${日*151}|${日*147}...",
            "author|${a*101}|${a*97}...",
            "host|${a*101}|${a*97}...",
            "username|${a*101}|${a*97}...",
            "footer|${a*301}|${a*297}...",
            "footer|${\uD83D\uDE00*301}|${\uD83D\uDE00*297}...",
    })
    void truncationCountsCodePoints(String field, String in, String out) {
        Alert a = cleaned("{\"" + field + "\":\"" + in + "\"}");
        String actual = AlertJson.mapper().valueToTree(a).get(field).asString();
        assertThat(actual).isEqualTo(expand(out));
    }

    @Test
    void textKeepsInnerNewlines() {
        assertThat(cleaned("{\"text\":\"  Foo\\nbar  \"}").text()).isEqualTo("Foo\nbar");
    }

    @Test
    void textOfTenThousandCjkCharactersPlusOne() {
        String text = cleaned(expand("{\"text\":\"${日*10001}\"}")).text();
        assertThat(GoText.runeCount(text)).isEqualTo(10000);
        assertThat(text).endsWith("...");
    }

    @Test
    void fallbackTextRemovesStatusThenTrimsThenReplacesNewlines() {
        assertThat(cleaned("{\"fallbackText\":\"  Foo\\nbar :status: \"}").fallbackText()).isEqualTo("Foo bar");
        assertThat(cleaned("{\"fallbackText\":\":status:\\nx\\n\"}").fallbackText()).isEqualTo("x");
        // Better than the reference (one strings.ReplaceAll pass left ":status:" here, and cleaning the result
        // again changed it): removed until none is left, so cleaning is idempotent (found by AlertFuzzTest).
        assertThat(cleaned("{\"fallbackText\":\":stat:status:us:\"}").fallbackText()).isEmpty();
        assertThat(cleaned("{\"fallbackText\":\"a :st:stat:status:us:atus: b\"}").fallbackText()).isEqualTo("a  b");
    }

    @Test
    void statusPlaceholderIsKeptInHeaderAndText() {
        Alert a = cleaned("{\"header\":\":status: Disk full\",\"text\":\":status: x\"}");
        assertThat(a.header()).isEqualTo(":status: Disk full");
        assertThat(a.text()).isEqualTo(":status: x");
    }

    @Test
    void trimUsesGoWhitespaceSet() {
        Alert a = cleaned("{\"header\":\"\\u00a0\\u202fFoo\\u2007\\u3000\",\"author\":\"\\u001fA\\u001f\"}");
        assertThat(a.header()).isEqualTo("Foo");
        assertThat(a.author()).isEqualTo("\u001fA\u001f");
    }

    @Test
    void identifiersAreTrimmedAndCased() {
        Alert a = cleaned("{\"slackChannelId\":\"  c123  \",\"type\":\"  FOO  \",\"routeKey\":\"  FOO  \","
                + "\"correlationId\":\"  FOO  \",\"iconEmoji\":\"  :Foo:  \",\"link\":\"  https://x.y/z  \"}");
        assertThat(a.slackChannelId()).isEqualTo("C123");
        assertThat(a.type()).isEqualTo("foo");
        assertThat(a.routeKey()).isEqualTo("foo");
        assertThat(a.correlationId()).isEqualTo("FOO");
        assertThat(a.iconEmoji()).isEqualTo(":foo:");
        assertThat(a.link()).isEqualTo("https://x.y/z");
    }

    @Test
    void absentCorrelationIdStaysEmpty() {
        assertThat(cleaned("{\"header\":\"x\"}").correlationId()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"ERROR\"|error", "null|error", "\"\"|error", "\"critical\"|error", "\" Critical \"|error",
            "\"recovered\"|resolved", "\"resolve\"|resolved", "\"recover\"|resolved", "\"Recovered\"|resolved",
            "\"PANIC\"|panic", "\"Info\"|info", "\"warning\"|warning", "\"warn\"|warn", "\"fatal\"|fatal",
    })
    void severityIsNormalised(String in, String out) {
        assertThat(cleaned("{\"severity\":" + in + "}").severity()).isEqualTo(out);
    }

    @Test
    void negativeDelaysBecomeZero() {
        Alert a = cleaned("{\"archivingDelaySeconds\":-1,\"notificationDelaySeconds\":-5}");
        assertThat(a.archivingDelaySeconds()).isZero();
        assertThat(a.notificationDelaySeconds()).isZero();
        Alert b = cleaned("{\"archivingDelaySeconds\":7,\"notificationDelaySeconds\":9}");
        assertThat(b.archivingDelaySeconds()).isEqualTo(7);
        assertThat(b.notificationDelaySeconds()).isEqualTo(9);
    }

    @Test
    void fieldsAreTrimmedAndTruncatedAndNullsKept() {
        Alert a = cleaned(expand("{\"fields\":[{\"title\":\"${t*31}\",\"value\":\"${v*201}\"},null,"
                + "{\"title\":\"${日*31}\",\"value\":\"  b  \"},{\"title\":\"  a  \"}]}"));
        assertThat(a.fields()).containsExactly(new Field("t".repeat(27) + "...", "v".repeat(197) + "..."), null,
                new Field("日".repeat(27) + "...", "b"), new Field("a", ""));
    }

    @Test
    void webhooksAreTrimmedAndDefaulted() {
        Alert a = cleaned("{\"webhooks\":[{\"id\":\"\\tfoo  \",\"url\":\"  http://foo.bar  \","
                + "\"confirmationText\":\"  some text  \",\"buttonText\":\"  press me  \",\"displayMode\":\" always \","
                + "\"payload\":{\"k\":\" v \"},"
                + "\"plainTextInput\":[{\"id\":\"  in1  \",\"description\":\"  bar  \",\"maxLength\":100,"
                + "\"initialValue\":\"  init  \"},null],"
                + "\"checkboxInput\":[{\"id\":\"  cb1  \",\"label\":\"  My Label  \",\"options\":[{\"value\":\" v \",\"text\":\" t \"}]}]},"
                + "null,{\"buttonStyle\":\" Primary \",\"accessLevel\":\"channel_admins\"}]}");
        Webhook w = a.webhooks().get(0);
        assertThat(w.id()).isEqualTo("foo");
        assertThat(w.url()).isEqualTo("http://foo.bar");
        assertThat(w.confirmationText()).isEqualTo("some text");
        assertThat(w.buttonText()).isEqualTo("press me");
        assertThat(w.buttonStyle()).isEqualTo("default");
        assertThat(w.accessLevel()).isEqualTo("global_admins");
        assertThat(w.displayMode()).as("not cleaned").isEqualTo(" always ");
        assertThat(w.payload()).isEqualTo(Map.of("k", " v "));
        assertThat(w.plainTextInput()).containsExactly(new WebhookPlainTextInput("in1", "bar", 0, 100, false, "init"), null);
        assertThat(w.checkboxInput()).containsExactly(new WebhookCheckboxInput("cb1", "My Label",
                List.of(new WebhookCheckboxOption(" v ", " t ", false))));
        assertThat(a.webhooks().get(1)).isNull();
        Webhook third = a.webhooks().get(2);
        assertThat(third.buttonStyle()).as("neither trimmed nor lower-cased").isEqualTo(" Primary ");
        assertThat(third.accessLevel()).isEqualTo("channel_admins");
    }

    @Test
    void explicitDefaultButtonStyleIsKept() {
        assertThat(cleaned("{\"webhooks\":[{\"buttonStyle\":\"default\"}]}").webhooks().get(0).buttonStyle())
                .isEqualTo("default");
    }

    @Test
    void escalationIsSortedWithNullsFirstAndNormalised() {
        Alert a = cleaned("{\"escalation\":[{\"delaySeconds\":60,\"severity\":\" ERROR \"},"
                + "{\"delaySeconds\":30,\"severity\":\"warning\",\"moveToChannel\":\"  c12345678  \","
                + "\"slackMentions\":[\"  <@U123>  \"]},null]}");
        assertThat(a.escalation()).containsExactly(null,
                new Escalation("warning", 30, List.of("<@U123>"), "C12345678"),
                new Escalation("error", 60, null, ""));
    }

    @Test
    void emptyAndAbsentListsStayAsTheyAre() {
        assertThat(cleaned("{\"escalation\":[],\"fields\":[],\"webhooks\":[]}").escalation()).isEmpty();
        Alert absent = cleaned("{}");
        assertThat(absent.escalation()).isNull();
        assertThat(absent.fields()).isNull();
        assertThat(absent.webhooks()).isNull();
    }

    @Test
    void passThroughFieldsAreUntouched() {
        Alert a = cleaned("{\"ignoreIfTextContains\":[\"  Foo  \"],\"metadata\":{\"n\":100,\"s\":\" x \"},"
                + "\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":-1,\"autoResolveAsInconclusive\":true,"
                + "\"failOnRateLimitError\":true}");
        assertThat(a.ignoreIfTextContains()).containsExactly("  Foo  ");
        assertThat(a.metadata()).isEqualTo(Map.of("n", 100L, "s", " x "));
        assertThat(a.issueFollowUpEnabled()).isTrue();
        assertThat(a.autoResolveSeconds()).isEqualTo(-1);
        assertThat(a.autoResolveAsInconclusive()).isTrue();
        assertThat(a.failOnRateLimitError()).isTrue();
    }

    @Test
    void timestampsOlderThanSevenDaysBecomeNow() {
        OffsetDateTime now = NOW.atOffset(ZoneOffset.UTC);
        assertThat(cleanedAt(NOW.minus(Duration.ofDays(8)).toString())).isEqualTo(now);
        assertThat(cleanedAt(NOW.minus(Duration.ofDays(7)).minusNanos(1).toString())).isEqualTo(now);
        assertThat(cleanedAt("0001-01-01T00:00:00Z")).isEqualTo(now);
        assertThat(cleaned("{}").timestamp()).isEqualTo(now);
        assertThat(cleaned("{\"timestamp\":null}").timestamp()).isEqualTo(now);
    }

    @Test
    void recentAndFutureTimestampsAreKeptWithTheirOffset() {
        assertThat(cleanedAt(NOW.minus(Duration.ofDays(7)).toString())).isEqualTo(NOW.minus(Duration.ofDays(7)).atOffset(ZoneOffset.UTC));
        assertThat(cleanedAt("2026-01-04T14:00:00.5+02:00")).isEqualTo(OffsetDateTime.parse("2026-01-04T14:00:00.5+02:00"));
        assertThat(cleanedAt("2026-01-04T14:00:00.5+02:00").getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(cleanedAt("2026-01-11T12:00:00Z")).isEqualTo(OffsetDateTime.parse("2026-01-11T12:00:00Z"));
    }

    private static OffsetDateTime cleanedAt(String ts) {
        return cleaned("{\"timestamp\":\"" + ts + "\"}").timestamp();
    }
}
