package dev.slackmgr.api.prometheus;

import dev.slackmgr.common.alert.Alert;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One alert of an Alertmanager webhook (v4). Absent or {@code null} strings are {@code ""}, absent
 * times are Go's zero time, absent maps stay {@code null}.
 */
public record PrometheusAlert(
        String status,
        Map<String, String> labels,
        Map<String, String> annotations,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String generatorURL,
        String fingerprint) {

    public PrometheusAlert {
        status = status == null ? "" : status;
        labels = labels == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        annotations = annotations == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        startsAt = startsAt == null ? Alert.ZERO_TIME : startsAt;
        endsAt = endsAt == null ? Alert.ZERO_TIME : endsAt;
        generatorURL = generatorURL == null ? "" : generatorURL;
        fingerprint = fingerprint == null ? "" : fingerprint;
    }
}
