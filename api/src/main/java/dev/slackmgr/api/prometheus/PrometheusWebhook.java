package dev.slackmgr.api.prometheus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Alertmanager webhook payload, version 4 (rest-api.md §4.2). Only {@code groupKey} and the
 * alerts are used by the mapping; the rest is kept for logging. Absent strings are {@code ""}, absent
 * maps {@code null}, absent {@code alerts} an empty list.
 */
public record PrometheusWebhook(
        String version,
        String groupKey,
        long truncatedAlerts,
        String status,
        String receiver,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalURL,
        List<PrometheusAlert> alerts) {

    /** What the reference answers (400) when a payload has no alerts. */
    public static final String EMPTY_ALERT_LIST_MESSAGE = "prometheus alert list is empty";

    public PrometheusWebhook {
        version = version == null ? "" : version;
        groupKey = groupKey == null ? "" : groupKey;
        status = status == null ? "" : status;
        receiver = receiver == null ? "" : receiver;
        groupLabels = copy(groupLabels);
        commonLabels = copy(commonLabels);
        commonAnnotations = copy(commonAnnotations);
        externalURL = externalURL == null ? "" : externalURL;
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** The payload a JSON {@code null} body decodes to. */
    public static PrometheusWebhook empty() {
        return new PrometheusWebhook(null, null, 0, null, null, null, null, null, null, null);
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
