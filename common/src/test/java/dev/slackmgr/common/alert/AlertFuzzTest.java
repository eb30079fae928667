package dev.slackmgr.common.alert;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for the alert decoder, cleaner and validator (issue #8 item 6), with Jazzer.
 *
 * <p>Under {@code ./mvnw verify} each {@code @FuzzTest} runs in regression mode: once per file of its
 * committed seed corpus ({@code src/test/resources/dev/slackmgr/common/alert/AlertFuzzTestInputs/<method>/})
 * and once with an empty input. A real coverage-guided run (see docs/reliability.md):
 * <pre>JAZZER_FUZZ=1 ./mvnw -pl common test -Dtest='AlertFuzzTest#requestBody' -Djazzer.hooks=true -Djazzer.max_duration=10m</pre>
 * ({@code jazzer.hooks=false} in junit-platform.properties keeps regression runs fast; fuzzing needs the hooks).
 *
 * <p>Properties, for every input: decoding either succeeds or throws {@link AlertDecodeException} (nothing
 * else); cleaning and validation never throw; cleaning is idempotent; a cleaned alert that validates
 * re-encodes (queue form) and decodes to an equal alert.
 */
class AlertFuzzTest {
    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"\"slackChannelId\"", "\"header\"", "\"text\"", "\"alerts\"", "\"timestamp\"",
            "\"severity\"", "\"fields\"", "\"webhooks\"", "\"escalation\"", "\"metadata\"", "\"payload\"",
            "\"plainTextInput\"", "\"checkboxInput\"", "\"options\"", "\"ignoreIfTextContains\"",
            "\"fallbackText\"", ":status:", "\"issueFollowUpEnabled\"", "\"autoResolveSeconds\"",
            "\"delaySeconds\"", "\"slackMentions\"", "\"moveToChannel\"", "\"2026-01-10T11:00:00Z\"",
            "\"0001-01-01T00:00:00Z\"", "\\u0000", "\\ud800", "\u00ff", "1e999", "-9223372036854775809",
            "null", "true", "[", "{", "```"})
    void requestBody(byte[] body) {
        List<Alert> alerts;
        try {
            alerts = AlertJson.decodeRequestBody(body);
        } catch (AlertDecodeException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        for (Alert alert : alerts) {
            AlertInvariants.check(alert);
        }
    }

    /** The queue-body path (the manager decodes what the API encoded, and dead-letters what it cannot). */
    @FuzzTest(maxDuration = "60s")
    void queueBody(byte[] body) {
        Alert alert;
        try {
            alert = AlertJson.decode(new String(body, StandardCharsets.UTF_8));
        } catch (AlertDecodeException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        AlertInvariants.check(alert);
    }
}
