package dev.slackmgr.common.alert;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertJsonTest {

    static List<Alert> body(String json) {
        return AlertJson.decodeRequestBody(json.getBytes(StandardCharsets.UTF_8));
    }

    static Alert one(String json) {
        List<Alert> alerts = body(json);
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }

    static void assertDecodeError(String json, String... messageParts) {
        assertThatThrownBy(() -> body(json))
                .isInstanceOf(AlertDecodeException.class)
                .message().contains(messageParts);
    }

    @Nested
    class BodyForms {
        @Test
        void emptyArrayIsNoAlerts() {
            assertThat(body("[]")).isEmpty();
        }

        @Test
        void singleObject() {
            Alert a = one("{\"slackChannelId\":\"C123\",\"header\":\"Test Alert\"}");
            assertThat(a.slackChannelId()).isEqualTo("C123");
            assertThat(a.header()).isEqualTo("Test Alert");
        }

        @Test
        void arrayForm() {
            assertThat(body("[{\"header\":\"foo\"},{\"header\":\"bar\"}]")).extracting(Alert::header)
                    .containsExactly("foo", "bar");
        }

        @Test
        void wrapperObjectIgnoresRootFields() {
            assertThat(body("{\"header\":\"ignored\",\"alerts\":[{\"header\":\"foo\"},{\"header\":\"bar\"}]}"))
                    .extracting(Alert::header).containsExactly("foo", "bar");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Alerts", "ALERTS", "aLeRtS"})
        void wrapperKeyIsCaseInsensitive(String key) {
            assertThat(body("{\"" + key + "\":[{\"header\":\"foo\"}]}")).extracting(Alert::header).containsExactly("foo");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"alerts\":[],\"header\":\"root\"}", "{\"alerts\":null,\"header\":\"root\"}",
                "{\"header\":\"root\"}"})
        void emptyOrNullWrapperFallsBackToRootAlert(String json) {
            assertThat(one(json).header()).isEqualTo("root");
        }

        @Test
        void emptyWrapperAloneIsOneEmptyAlert() {
            Alert a = one("{\"alerts\":[]}");
            assertThat(a).isEqualTo(Alert.builder().build());
        }

        @Test
        void emptyObjectIsOneEmptyAlert() {
            assertThat(one("{}")).isEqualTo(Alert.builder().build());
        }

        @Test
        void leadingWhitespaceBeforeArrayIsStillAnArray() {
            assertThat(body(" \n\t[{\"header\":\"x\"}]")).extracting(Alert::header).containsExactly("x");
        }

        @Test
        void typeErrorInRootFieldsFailsEvenWithWrapper() {
            assertDecodeError("{\"header\":1,\"alerts\":[{\"header\":\"x\"}]}", "header: expected a string, got number");
        }

        @Test
        void wrapperThatIsNotAnArrayFails() {
            assertDecodeError("{\"alerts\":{\"header\":\"x\"}}", "alerts: expected an array of alert objects, got object");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "null|expected an alert object or an array of alerts, got null",
                "[null]|[0]: expected an alert object, got null",
                "[{},null]|[1]: expected an alert object, got null",
                "[\"x\"]|[0]: expected an alert object, got string",
                "{\"alerts\":[null]}|alerts[0]: expected an alert object, got null",
                "{\"alerts\":[{},1]}|alerts[1]: expected an alert object, got number",
                "\"text\"|expected an alert object or an array of alerts, got string",
                "42|expected an alert object or an array of alerts, got number",
        })
        void nullOrNonObjectAlertsAreDecodeErrors(String json, String message) {
            assertDecodeError(json, message);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", " \n\t ", "invalid json", "[{\"header\":\"foo\"", "{\"header\":\"x\"} x",
                "{} {}", "[] []", "{\"header\":\"x\",}", "{'header':'x'}", "{\"header\":\"x\"}//c"})
        void syntaxErrorsAndTrailingDataAreDecodeErrors(String json) {
            assertThatThrownBy(() -> body(json)).isInstanceOf(AlertDecodeException.class)
                    .message().isNotBlank().doesNotContain("REDACTED");
        }

        @Test
        void trailingWhitespaceIsFine() {
            assertThat(body("{\"header\":\"x\"} \n")).hasSize(1);
        }

        @Test
        void byteOrderMarkIsADecodeError() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
            assertThatThrownBy(() -> AlertJson.decodeRequestBody(bom))
                    .isInstanceOf(AlertDecodeException.class).hasMessageContaining("byte order mark");
        }

        @Test
        void errorNamesTheFieldPathAndPosition() {
            assertThatThrownBy(() -> body("[{},{\"escalation\":[{\"delaySeconds\":\"60\"}]}]"))
                    .isInstanceOf(AlertDecodeException.class)
                    .hasMessage("[1].escalation[0].delaySeconds: expected an integer, got string (line 1, column 36)");
        }
    }

    @Nested
    class Strictness {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "\"autoResolveSeconds\":\"60\"|autoResolveSeconds: expected an integer, got string",
                "\"autoResolveSeconds\":60.0|autoResolveSeconds: expected an integer, got number 60.0",
                "\"autoResolveSeconds\":6e1|autoResolveSeconds: expected an integer, got number 6e1",
                "\"autoResolveSeconds\":true|autoResolveSeconds: expected an integer, got boolean",
                "\"autoResolveSeconds\":9223372036854775808|autoResolveSeconds: number 9223372036854775808 does not fit a signed 64-bit integer",
                "\"archivingDelaySeconds\":-9223372036854775809|archivingDelaySeconds: number -9223372036854775809 does not fit",
                "\"issueFollowUpEnabled\":\"true\"|issueFollowUpEnabled: expected a boolean, got string",
                "\"issueFollowUpEnabled\":1|issueFollowUpEnabled: expected a boolean, got number",
                "\"header\":123|header: expected a string, got number",
                "\"header\":true|header: expected a string, got boolean",
                "\"header\":[\"x\"]|header: expected a string, got array",
                "\"header\":{}|header: expected a string, got object",
                "\"ignoreIfTextContains\":\"foo\"|ignoreIfTextContains: expected an array of strings, got string",
                "\"ignoreIfTextContains\":[1]|ignoreIfTextContains[0]: expected a string, got number",
                "\"fields\":{}|fields: expected an array, got object",
                "\"fields\":[\"x\"]|fields[0]: expected a field object, got string",
                "\"metadata\":[]|metadata: expected an object, got array",
                "\"metadata\":\"x\"|metadata: expected an object, got string",
                "\"metadata\":{\"n\":1e400}|metadata.n: number 1e400 is out of the range of a 64-bit float",
                // found by AlertFuzzTest: the exponent overflows BigDecimal; was a NumberFormatException (HTTP 500)
                "\"metadata\":{\"n\":1e372036854775807}|metadata.n: number 1e372036854775807 is out of the range of a 64-bit float",
                "\"webhooks\":[{\"payload\":{\"n\":[-1E-9999999999]}}]|webhooks[0].payload.n[0]: number -1E-9999999999 is out of the range",
                "\"webhooks\":[{\"payload\":[1]}]|webhooks[0].payload: expected an object, got array",
                "\"webhooks\":[{\"plainTextInput\":[{\"maxLength\":1.5}]}]|webhooks[0].plainTextInput[0].maxLength: expected an integer, got number 1.5",
                "\"webhooks\":[{\"checkboxInput\":[{\"options\":[{\"selected\":\"yes\"}]}]}]|webhooks[0].checkboxInput[0].options[0].selected: expected a boolean, got string",
                "\"webhooks\":[{\"skipConfirmationDialog\":0}]|webhooks[0].skipConfirmationDialog: expected a boolean, got number",
                "\"escalation\":[{\"slackMentions\":\"<!here>\"}]|escalation[0].slackMentions: expected an array of strings, got string",
                "\"timestamp\":\"\"|timestamp: timestamp \"\" is not a valid RFC 3339 time",
                "\"timestamp\":1714564800|timestamp: expected an RFC 3339 timestamp string, got number",
        })
        void typeMismatchesAreDecodeErrors(String member, String message) {
            assertDecodeError("{\"slackChannelId\":\"C123\",\"header\":\"x\"," + member + "}", message);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024-05-01 12:00:00", "2024-05-01T12:00:00", "2024-05-01", "2024-05-01t12:00:00Z",
                "2024-05-01T12:00:00z", "2024-05-01T12:00:00+0200", "2024-05-01T12:00:00+02", "2024-13-01T12:00:00Z",
                "2023-02-29T12:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:00:60Z", "2024-05-01T12:00:00.Z",
                "2024-05-01T12:00:00,5Z", "24-05-01T12:00:00Z", "2024-05-01T12:00:00+24:00", " 2024-05-01T12:00:00Z",
                "2024-05-01T12:00:00Z "})
        void nonRfc3339TimestampsAreDecodeErrors(String ts) {
            assertDecodeError("{\"timestamp\":\"" + ts + "\"}", "timestamp: timestamp \"" + ts + "\" is not a valid RFC 3339");
        }

        @Test
        void numberAtIntegerLimitsIsAccepted() {
            Alert a = one("{\"autoResolveSeconds\":9223372036854775807,\"archivingDelaySeconds\":-9223372036854775808,"
                    + "\"notificationDelaySeconds\":-0}");
            assertThat(a.autoResolveSeconds()).isEqualTo(Long.MAX_VALUE);
            assertThat(a.archivingDelaySeconds()).isEqualTo(Long.MIN_VALUE);
            assertThat(a.notificationDelaySeconds()).isZero();
        }
    }

    @Nested
    class Conventions {
        @Test
        void keysAreCaseInsensitive() {
            Alert a = one("{\"SlackChannelId\":\"C123\",\"HEADER\":\"Hello\",\"IssueFollowUpEnabled\":true,"
                    + "\"AUTORESOLVESECONDS\":60,\"Webhooks\":[{\"ID\":\"w\",\"PlainTextInput\":[{\"MAXLENGTH\":5}]}],"
                    + "\"ESCALATION\":[{\"DelaySeconds\":30,\"SlackMentions\":[\"<!here>\"]}]}");
            assertThat(a.slackChannelId()).isEqualTo("C123");
            assertThat(a.header()).isEqualTo("Hello");
            assertThat(a.issueFollowUpEnabled()).isTrue();
            assertThat(a.autoResolveSeconds()).isEqualTo(60);
            assertThat(a.webhooks().get(0).id()).isEqualTo("w");
            assertThat(a.webhooks().get(0).plainTextInput().get(0).maxLength()).isEqualTo(5);
            assertThat(a.escalation().get(0).delaySeconds()).isEqualTo(30);
            assertThat(a.escalation().get(0).slackMentions()).containsExactly("<!here>");
        }

        @Test
        void keysFoldLikeGoIncludingKelvinAndLongS() {
            // Go's bytes.EqualFold maps U+212A (Kelvin sign) to k and U+017F (long s) to s.
            Alert a = one("{\"\u017Feverity\":\"panic\",\"routeKey\":\"a\",\"route\u212Aey\":\"b\",\"h\\u0065ader\":\"e\"}");
            assertThat(a.severity()).isEqualTo("panic");
            assertThat(a.routeKey()).isEqualTo("b");
            assertThat(a.header()).isEqualTo("e");
        }

        @Test
        void unknownKeysAreIgnored() {
            Alert a = one("{\"header\":\"x\",\"foo\":{\"bar\":[1,{\"x\":null}]},\"webhooks\":[{\"id\":\"w\",\"extra\":1}]}");
            assertThat(a.header()).isEqualTo("x");
            assertThat(a.webhooks().get(0).id()).isEqualTo("w");
        }

        @Test
        void lastDuplicateWins() {
            Alert a = one("{\"header\":\"a\",\"HEADER\":\"b\",\"fields\":[{\"title\":\"1\"}],\"fields\":[{\"title\":\"2\"}]}");
            assertThat(a.header()).isEqualTo("b");
            assertThat(a.fields()).containsExactly(new Field("2", ""));
        }

        @Test
        void nullLeavesAScalarUnchangedAndClearsALikeGo() {
            Alert a = one("{\"header\":\"a\",\"header\":null,\"autoResolveSeconds\":5,\"autoResolveSeconds\":null,"
                    + "\"fields\":[],\"fields\":null}");
            assertThat(a.header()).isEqualTo("a");
            assertThat(a.autoResolveSeconds()).isEqualTo(5);
            assertThat(a.fields()).isNull();
        }

        @Test
        void duplicateMetadataObjectsAreMergedLikeGoMaps() {
            Alert a = one("{\"metadata\":{\"a\":1,\"b\":1},\"metadata\":{\"b\":2}}");
            assertThat(a.metadata()).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
        }

        @Test
        void nullsAreZeroValues() {
            Alert a = one("{\"timestamp\":null,\"header\":null,\"severity\":null,\"fields\":null,\"metadata\":null,"
                    + "\"issueFollowUpEnabled\":null,\"autoResolveSeconds\":null,\"webhooks\":null,\"escalation\":null,"
                    + "\"ignoreIfTextContains\":null}");
            assertThat(a).isEqualTo(Alert.builder().build());
            assertThat(a.timestamp()).isEqualTo(Alert.ZERO_TIME);
        }

        @Test
        void absentFieldsAreZeroValues() {
            Alert a = one("{}");
            assertThat(a.timestamp()).isEqualTo(Alert.ZERO_TIME);
            assertThat(a.header()).isEmpty();
            assertThat(a.fields()).isNull();
            assertThat(a.metadata()).isNull();
            assertThat(a.autoResolveSeconds()).isZero();
        }

        @Test
        void nullListElementsFollowGoPointerAndStringSemantics() {
            Alert a = one("{\"fields\":[null,{\"title\":\"t\"}],\"ignoreIfTextContains\":[\"a\",null],"
                    + "\"webhooks\":[null],\"escalation\":[null,{\"slackMentions\":[null]}]}");
            assertThat(a.fields()).containsExactly(null, new Field("t", ""));
            assertThat(a.ignoreIfTextContains()).containsExactly("a", "");
            assertThat(a.webhooks()).containsExactly((Webhook) null);
            assertThat(a.escalation().get(0)).isNull();
            assertThat(a.escalation().get(1).slackMentions()).containsExactly("");
        }

        @Test
        void invalidUtf8BecomesReplacementCharacterPerBadByte() {
            byte[] prefix = "{\"header\":\"a".getBytes(StandardCharsets.UTF_8);
            byte[] bad = {(byte) 0xFF, (byte) 0xE2, (byte) 0x82, 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
            byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
            byte[] json = new byte[prefix.length + bad.length + suffix.length];
            System.arraycopy(prefix, 0, json, 0, prefix.length);
            System.arraycopy(bad, 0, json, prefix.length, bad.length);
            System.arraycopy(suffix, 0, json, prefix.length + bad.length, suffix.length);
            Alert a = AlertJson.decodeRequestBody(json).get(0);
            assertThat(a.header()).isEqualTo("a\uFFFD\uFFFD\uFFFDb\uFFFD\uFFFD\uFFFD");
        }

        @Test
        void loneSurrogateEscapesBecomeReplacementCharacter() {
            Alert a = one("{\"header\":\"x\\ud800y\",\"text\":\"\\ud83d\\ude00\"}");
            assertThat(a.header()).isEqualTo("x\uFFFDy");
            assertThat(a.text()).isEqualTo("\uD83D\uDE00");
        }

        @Test
        void timestampKeepsItsOffsetAndNanoseconds() {
            Alert a = one("{\"timestamp\":\"2024-05-01T14:00:00.123456789+02:00\"}");
            assertThat(a.timestamp()).isEqualTo(OffsetDateTime.parse("2024-05-01T14:00:00.123456789+02:00"));
            assertThat(a.timestamp().getOffset().getTotalSeconds()).isEqualTo(7200);
        }

        @Test
        void nestingIsLimitedToJacksonsDefaultDepth() {
            // Go allows 10000 levels; 500 keeps the recursive decoder and encoder far from a StackOverflowError.
            String ok = "[".repeat(400) + "]".repeat(400);
            assertThat(one("{\"metadata\":{\"deep\":" + ok + "}}").metadata()).containsKey("deep");
            String tooDeep = "[".repeat(600) + "]".repeat(600);
            assertThatThrownBy(() -> one("{\"metadata\":{\"deep\":" + tooDeep + "}}"))
                    .isInstanceOf(AlertDecodeException.class).hasMessageContaining("nesting depth");
        }

        @Test
        void freeFormValuesKeepExactNumbers() {
            Alert a = one("{\"metadata\":{\"n\":100,\"big\":123456789012345678901234567890,\"f\":1.50,\"s\":\"x\","
                    + "\"b\":true,\"z\":null,\"l\":[1,\"a\"],\"o\":{\"k\":-1}}}");
            assertThat(a.metadata()).containsEntry("n", 100L)
                    .containsEntry("big", new BigInteger("123456789012345678901234567890"))
                    .containsEntry("f", new BigDecimal("1.50")).containsEntry("s", "x").containsEntry("b", true)
                    .containsEntry("z", null).containsEntry("l", List.of(1L, "a")).containsEntry("o", Map.of("k", -1L));
        }

        @Test
        void integersWrittenWithAnExponentDecodeAsIntegersSoTheQueueBodyDecodesToTheSameAlert() {
            // found by AlertFuzzTest: 13e-00 decoded as BigDecimal 13, was encoded as 13 and came back as Long 13
            Alert a = one("{\"metadata\":{\"a\":13e-00,\"b\":1.3e1,\"c\":123456789012345678901234567890e0,"
                    + "\"d\":1E+2,\"e\":13.0}}");
            assertThat(a.metadata()).containsEntry("a", 13L).containsEntry("b", 13L)
                    .containsEntry("c", new BigInteger("123456789012345678901234567890"))
                    .containsEntry("d", new BigDecimal("1E+2")).containsEntry("e", new BigDecimal("13.0"));
            assertThat(AlertJson.decode(AlertJson.encode(a))).isEqualTo(a);
        }
    }

    @Nested
    class SingleAlert {
        @Test
        void decodeReadsOneAlert() {
            assertThat(AlertJson.decode("{\"Header\":\"x\"}").header()).isEqualTo("x");
        }

        @ParameterizedTest
        @ValueSource(strings = {"null", "[]", "[{}]", "{} x", ""})
        void decodeRequiresExactlyOneObject(String json) {
            assertThatThrownBy(() -> AlertJson.decode(json)).isInstanceOf(AlertDecodeException.class);
        }

        @Test
        void decodeRejectsByteOrderMarkAndRepairsLoneSurrogates() {
            assertThatThrownBy(() -> AlertJson.decode("\uFEFF{}")).isInstanceOf(AlertDecodeException.class);
            assertThat(AlertJson.decode("{\"header\":\"a\uD800\"}").header()).isEqualTo("a\uFFFD");
        }

        @Test
        void decodeAlertFromTree() {
            JsonNode node = AlertJson.mapper().readTree("{\"HEADER\":\"x\",\"autoResolveSeconds\":60}");
            Alert a = AlertJson.decodeAlert(node);
            assertThat(a.header()).isEqualTo("x");
            assertThat(a.autoResolveSeconds()).isEqualTo(60);
        }

        @Test
        void decodeAlertFromTreeIsStrict() {
            JsonNode node = AlertJson.mapper().readTree("{\"autoResolveSeconds\":60.0}");
            assertThatThrownBy(() -> AlertJson.decodeAlert(node)).isInstanceOf(AlertDecodeException.class)
                    .hasMessageStartingWith("autoResolveSeconds: expected an integer");
            JsonNode array = AlertJson.mapper().readTree("[]");
            assertThatThrownBy(() -> AlertJson.decodeAlert(array)).isInstanceOf(AlertDecodeException.class);
        }

        @Test
        void mapperReadsAlertsWithTheStrictDecoder() {
            assertThat(AlertJson.mapper().readValue("{\"HEADER\":\"x\"}", Alert.class).header()).isEqualTo("x");
            assertThatThrownBy(() -> AlertJson.mapper().readValue("{\"header\":1}", Alert.class))
                    .isInstanceOf(tools.jackson.core.JacksonException.class);
            assertThat(AlertJson.mapper().readValue("{\"Title\":\"t\"}", Field.class)).isEqualTo(new Field("t", ""));
        }
    }

    @Nested
    class Encoding {
        static final String QUEUE_BODY = "{\"timestamp\":\"2025-01-15T10:30:00.123456789Z\",\"correlationId\":\"\","
                + "\"type\":\"\",\"header\":\":status: Disk full\",\"headerWhenResolved\":\"\",\"text\":\"Disk usage 99%\","
                + "\"textWhenResolved\":\"\",\"fallbackText\":\"\",\"author\":\"\",\"host\":\"db-1\",\"footer\":\"\","
                + "\"link\":\"\",\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":3600,"
                + "\"autoResolveAsInconclusive\":false,\"severity\":\"error\",\"slackChannelId\":\"C123\","
                + "\"routeKey\":\"\",\"username\":\"\",\"iconEmoji\":\"\",\"fields\":null,"
                + "\"notificationDelaySeconds\":0,\"archivingDelaySeconds\":0,\"escalation\":null,"
                + "\"ignoreIfTextContains\":null,\"webhooks\":null,\"metadata\":null,\"failOnRateLimitError\":false}";

        @Test
        void writesEveryFieldInGoOrderWithZeroValues() {
            Alert.Builder b = Alert.builder();
            b.timestamp = OffsetDateTime.parse("2025-01-15T10:30:00.123456789Z");
            b.header = ":status: Disk full";
            b.text = "Disk usage 99%";
            b.host = "db-1";
            b.issueFollowUpEnabled = true;
            b.autoResolveSeconds = 3600;
            b.severity = "error";
            b.slackChannelId = "C123";
            assertThat(AlertJson.encode(b.build())).isEqualTo(QUEUE_BODY);
        }

        @Test
        void roundTripsTheQueueBody() {
            assertThat(AlertJson.encode(AlertJson.decode(QUEUE_BODY))).isEqualTo(QUEUE_BODY);
        }

        @ParameterizedTest
        @CsvSource({
                "2024-05-01T14:00:00+02:00, 2024-05-01T14:00:00+02:00",
                "2024-05-01T14:00:00.120000+05:30, 2024-05-01T14:00:00.12+05:30",
                "2024-05-01T14:00:00.000Z, 2024-05-01T14:00:00Z",
                "2024-05-01T14:00:00-00:00, 2024-05-01T14:00:00Z",
                "2024-05-01T14:00:00+00:00, 2024-05-01T14:00:00Z",
                "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
        })
        void timestampKeepsItsOffset(String in, String out) {
            Alert a = AlertJson.decode("{\"timestamp\":\"" + in + "\"}");
            assertThat(AlertJson.encode(a)).startsWith("{\"timestamp\":\"" + out + "\",");
        }

        @Test
        void nestedObjectsInGoOrder() {
            String json = "{\"fields\":[{\"value\":\"v\",\"title\":\"t\"},null],"
                    + "\"escalation\":[{\"moveToChannel\":\"C1\",\"delaySeconds\":30,\"severity\":\"panic\"}],"
                    + "\"ignoreIfTextContains\":[\"  Foo  \"],"
                    + "\"webhooks\":[{\"skipConfirmationDialog\":true,\"id\":\"w\",\"payload\":{\"n\":100,\"f\":1.5},"
                    + "\"checkboxInput\":[{\"options\":[{\"selected\":true,\"value\":\"v\"}],\"id\":\"c\"}],"
                    + "\"plainTextInput\":[{\"initialValue\":\"i\",\"id\":\"p\"}]}],"
                    + "\"metadata\":{\"n\":100,\"s\":\"x\"}}";
            String out = AlertJson.encode(AlertJson.decode(json));
            assertThat(out).contains("\"fields\":[{\"title\":\"t\",\"value\":\"v\"},null]")
                    .contains("\"escalation\":[{\"severity\":\"panic\",\"delaySeconds\":30,\"slackMentions\":null,"
                            + "\"moveToChannel\":\"C1\"}]")
                    .contains("\"ignoreIfTextContains\":[\"  Foo  \"]")
                    .contains("\"webhooks\":[{\"id\":\"w\",\"url\":\"\",\"confirmationText\":\"\",\"buttonText\":\"\","
                            + "\"buttonStyle\":\"\",\"accessLevel\":\"\",\"displayMode\":\"\",\"payload\":{\"n\":100,\"f\":1.5},"
                            + "\"plainTextInput\":[{\"id\":\"p\",\"description\":\"\",\"minLength\":0,\"maxLength\":0,"
                            + "\"multiline\":false,\"initialValue\":\"i\"}],"
                            + "\"checkboxInput\":[{\"id\":\"c\",\"label\":\"\",\"options\":[{\"value\":\"v\",\"text\":\"\","
                            + "\"selected\":true}]}],\"skipConfirmationDialog\":true}]")
                    .contains("\"metadata\":{\"n\":100,\"s\":\"x\"}");
        }
    }

    /** A plain record decoded by the generic settings of the mapper (no custom decoder). */
    record Sample(String name, long count, boolean flag) {
    }

    @Nested
    class GenericMapper {
        @Test
        void caseInsensitiveAndUnknownKeysIgnored() {
            assertThat(AlertJson.mapper().readValue("{\"NAME\":\"n\",\"Count\":2,\"x\":1}", Sample.class))
                    .isEqualTo(new Sample("n", 2, false));
        }

        @Test
        void emptyStringsAndNullsAreOrdinaryValues() {
            assertThat(AlertJson.mapper().readValue("{\"name\":\"\",\"count\":null,\"flag\":null}", Sample.class))
                    .isEqualTo(new Sample("", 0, false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"name\":1}", "{\"name\":true}", "{\"count\":\"2\"}", "{\"count\":2.0}",
                "{\"flag\":\"true\"}", "{\"flag\":1}", "{\"name\":\"n\"} x", "{\"count\":\"\"}", "{\"name\":{}}",
                "{\"name\":[\"n\"]}", "{\"count\":9223372036854775808}"})
        void noScalarCoercion(String json) {
            assertThatThrownBy(() -> AlertJson.mapper().readValue(json, Sample.class))
                    .isInstanceOf(tools.jackson.core.JacksonException.class);
        }

        @Test
        void offsetDateTimeUsesGoRfc3339() {
            OffsetDateTime t = AlertJson.mapper().readValue("\"2025-01-15T10:30:00.120+02:00\"", OffsetDateTime.class);
            assertThat(AlertJson.mapper().writeValueAsString(t)).isEqualTo("\"2025-01-15T10:30:00.12+02:00\"");
            assertThatThrownBy(() -> AlertJson.mapper().readValue("\"\"", OffsetDateTime.class))
                    .isInstanceOf(tools.jackson.core.JacksonException.class);
        }
    }
}
