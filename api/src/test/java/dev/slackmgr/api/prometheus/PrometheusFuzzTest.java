package dev.slackmgr.api.prometheus;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertInvariants;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile Alertmanager payloads for the decoder and mapper (issue #8 item 6), with Jazzer. Regression mode under
 * {@code ./mvnw verify} (seed corpus in {@code src/test/resources/dev/slackmgr/api/prometheus/PrometheusFuzzTestInputs/});
 * a real run: {@code JAZZER_FUZZ=1 ./mvnw -pl api -am test -Dtest='PrometheusFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true -Djazzer.max_duration=10m}.
 *
 * <p>Properties: a body is either refused with {@link PrometheusRejectedException} (a 400 naming the problem)
 * or maps to at least one alert; every mapped alert satisfies {@link AlertInvariants} (cleaning and validation
 * never throw, cleaning is idempotent, a valid cleaned alert survives the queue encoding).
 */
class PrometheusFuzzTest {

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"\"alerts\"", "\"labels\"", "\"annotations\"", "\"startsAt\"", "\"endsAt\"", "\"status\"",
            "\"resolved\"", "\"firing\"", "\"groupKey\"", "\"truncatedAlerts\"", "\"channel\"", "\"severity\"",
            "\"correlationId\"", "\"autoResolveSeconds\"", "\"notificationDelaySeconds\"", "\"archivingDelaySeconds\"",
            "\"header\"", "\"summary\"", "\"description\"", "\"ignoreIfTextContains\"", "\"issueFollowUpEnabled\"",
            "\"namespace\"", "\"alertname\"", "\"monitoring\"", "\"instance\"", ":status:",
            "\"2026-01-10T11:00:00Z\"", "\"0001-01-01T00:00:00Z\"", "\"2026-01-10T11:00:00.1234567891+14:00\"",
            "\\ud800", "null", "-9223372036854775809"})
    void webhookBody(byte[] body) {
        List<Alert> alerts;
        try {
            alerts = PrometheusAlerts.fromBody(body, AlertInvariants.NOW);
        } catch (PrometheusRejectedException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(alerts).isNotEmpty();
        for (Alert alert : alerts) {
            AlertInvariants.check(alert);
        }
    }
}
