package dev.slackmgr.api.prometheus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusAlertsTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void mapsEveryAlertInOrder() throws Exception {
        assertThat(PrometheusAlerts.fromBody(utf8("{\"alerts\":[{\"labels\":{\"channel\":\"C1\"}},{\"labels\":{\"channel\":\"C2\"}}]}"), NOW))
                .extracting(a -> a.slackChannelId()).containsExactly("C1", "C2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alerts\":[]}", "null", "{}"})
    void emptyListIsRefused(String body) { // I04
        assertThatThrownBy(() -> PrometheusAlerts.fromBody(utf8(body), NOW))
                .isInstanceOf(PrometheusRejectedException.class)
                .hasMessage("prometheus alert list is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid json", "[]", "{\"alerts\":[{\"labels\":{\"a\":1}}]}"})
    void decodeErrorsAreRefusedWithThePrefix(String body) { // I04 also
        assertThatThrownBy(() -> PrometheusAlerts.fromBody(utf8(body), NOW))
                .isInstanceOf(PrometheusRejectedException.class)
                .hasMessageStartingWith("failed to decode POST body: ")
                .hasCauseInstanceOf(PrometheusDecodeException.class);
    }
}
