package dev.slackmgr.api.prometheus;

import dev.slackmgr.common.alert.Alert;

import java.time.Instant;
import java.util.List;

/** Body of {@code POST /prometheus-alert} to alerts: decode, refuse an empty list, map (rest-api.md §4.2). */
public final class PrometheusAlerts {
    private PrometheusAlerts() {
    }

    /**
     * @param body the request body (the caller has already refused an empty body)
     * @param now  ingestion time, every alert's timestamp
     * @return at least one alert, in payload order
     * @throws PrometheusRejectedException for a decode error or an empty alert list
     */
    public static List<Alert> fromBody(byte[] body, Instant now) throws PrometheusRejectedException {
        PrometheusWebhook webhook;
        try {
            webhook = PrometheusWebhookDecoder.decode(body);
        } catch (PrometheusDecodeException e) {
            throw new PrometheusRejectedException("failed to decode POST body: " + e.getMessage(), e);
        }
        if (webhook.alerts().isEmpty()) {
            throw new PrometheusRejectedException(PrometheusWebhook.EMPTY_ALERT_LIST_MESSAGE, null);
        }
        return PrometheusAlertMapper.map(webhook, now);
    }
}
