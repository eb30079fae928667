package dev.slackmgr.api.prometheus;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.Hashes;
import dev.slackmgr.common.alert.Severity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Maps Alertmanager alerts to Slack Manager alerts exactly as the reference does (rest-api.md §4.2):
 * lower-case key aliases, annotation-before-label lookup per candidate key, Prometheus-specific
 * defaults, {@code :status: } header prefix and the derived correlation ID. Stateless.
 */
public final class PrometheusAlertMapper {
    static final String DEFAULT_HEADER = "Prometheus alert";
    static final String STATUS_KEYWORD = ":status:";
    static final long DEFAULT_AUTO_RESOLVE_SECONDS = 3600;
    static final long MIN_AUTO_RESOLVE_SECONDS = 30;
    static final long DEFAULT_ARCHIVING_DELAY_SECONDS = 6 * 3600;

    private static final Pattern GO_ATOI = Pattern.compile("[+-]?[0-9]+");
    private static final String TRUE = "true";

    private PrometheusAlertMapper() {
    }

    /**
     * One alert per Prometheus alert, in payload order. An empty list means the caller answers 400
     * {@code Prometheus alert list is empty}.
     *
     * @param now the ingestion time, used as every alert's timestamp (UTC)
     */
    public static List<Alert> map(PrometheusWebhook webhook, Instant now) {
        List<Alert> alerts = new ArrayList<>(webhook.alerts().size());
        for (PrometheusAlert a : webhook.alerts()) {
            alerts.add(map(a, webhook.groupKey(), now));
        }
        return alerts;
    }

    /** Maps one Prometheus alert; {@code groupKey} is the payload's root {@code groupKey}. */
    public static Alert map(PrometheusAlert prom, String groupKey, Instant now) {
        Map<String, String> annotations = withLowerCaseKeys(prom.annotations());
        Map<String, String> labels = withLowerCaseKeys(prom.labels());
        Lookup find = new Lookup(annotations, labels);

        String correlationId = find.first("correlationid", "correlation_id");
        String header = orDefault(find.first("header", "title", "summary"), DEFAULT_HEADER);
        String text = find.first("text", "description", "body");
        String fallbackText = orDefault(find.first("fallbacktext"), header);

        long autoResolveSeconds = parseInt(find.first("autoresolveseconds"), DEFAULT_AUTO_RESOLVE_SECONDS);
        if (autoResolveSeconds < MIN_AUTO_RESOLVE_SECONDS) {
            autoResolveSeconds = DEFAULT_AUTO_RESOLVE_SECONDS;
        }
        long notificationDelaySeconds = parseInt(find.first("notificationdelayseconds"), 0);
        if (notificationDelaySeconds < 0 || notificationDelaySeconds > autoResolveSeconds) {
            notificationDelaySeconds = 0;
        }
        long archivingDelaySeconds = parseInt(find.first("archivingdelayseconds", "deletiondelayseconds"),
                DEFAULT_ARCHIVING_DELAY_SECONDS);
        if (archivingDelaySeconds < 0) {
            archivingDelaySeconds = DEFAULT_ARCHIVING_DELAY_SECONDS;
        }

        if (!header.contains(STATUS_KEYWORD) && !text.contains(STATUS_KEYWORD)) {
            header = STATUS_KEYWORD + " " + header;
        }
        if (correlationId.isEmpty()) {
            correlationId = correlationIdFromLabels(labels);
        }
        if (correlationId.isEmpty()) {
            correlationId = Hashes.hc(groupKey) + "-" + Rfc3339.formatNano(prom.startsAt());
        }

        String ignoreIfTextContains = find.first("ignoreiftextcontains");

        Alert.Builder b = Alert.builder();
        b.timestamp = now.atOffset(ZoneOffset.UTC);
        b.correlationId = correlationId;
        b.type = find.first("alerttype", "alert_type", "type");
        b.header = header;
        b.text = text;
        b.fallbackText = fallbackText;
        b.author = find.first("author");
        b.host = find.first("host");
        b.footer = find.first("footer");
        b.link = find.first("link");
        b.issueFollowUpEnabled = TRUE.equals(orDefault(lower(find.first("issuefollowupenabled")), TRUE));
        b.autoResolveSeconds = autoResolveSeconds;
        b.autoResolveAsInconclusive = TRUE.equals(orDefault(lower(find.first("autoresolveasinconclusive")), TRUE));
        b.severity = severity(lower(find.first("severity", "level")), prom.status());
        b.slackChannelId = find.first("slackchannelid", "channel", "slackchannel", "channelid", "slack_channel_id",
                "slack_channel", "channel_id");
        b.routeKey = find.first("routekey", "route", "route_key");
        b.username = find.first("username");
        b.iconEmoji = find.first("iconemoji", "icon");
        b.notificationDelaySeconds = notificationDelaySeconds;
        b.archivingDelaySeconds = archivingDelaySeconds;
        b.ignoreIfTextContains = ignoreIfTextContains.isEmpty() ? null : List.of(ignoreIfTextContains);
        b.failOnRateLimitError = TRUE.equals(find.first("failonratelimiterror"));
        b.metadata = metadata(prom, labels, annotations, groupKey);
        return b.build();
    }

    /** Copy of {@code map} where every key that is not lower-case is also present lower-cased. */
    static Map<String, String> withLowerCaseKeys(Map<String, String> map) {
        if (map == null) {
            return null;
        }
        // Sorted iteration makes the reference's undefined case-collision outcome deterministic.
        Map<String, String> out = new TreeMap<>(map);
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            String lower = lower(e.getKey());
            if (!lower.equals(e.getKey())) {
                out.put(lower, e.getValue());
            }
        }
        return out;
    }

    static String correlationIdFromLabels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String name : List.of("namespace", "alertname", "job", "service", "destination_service_name")) {
            if (labels.containsKey(name)) {
                parts.add(name + "::" + labels.get(name));
            }
        }
        if ("monitoring".equals(labels.get("namespace")) && labels.containsKey("instance")) {
            parts.add("instance::" + labels.get("instance"));
        }
        return parts.isEmpty() ? "" : Hashes.hc(parts.toArray(String[]::new));
    }

    private static String severity(String configured, String status) {
        if ("resolved".equals(status)) {
            return Severity.RESOLVED.wire();
        }
        if (configured.isEmpty() || configured.equals("critical")) {
            return Severity.ERROR.wire();
        }
        return Severity.fromWire(configured).map(Severity::wire).orElse(Severity.ERROR.wire());
    }

    private static Map<String, Object> metadata(PrometheusAlert prom, Map<String, String> labels,
                                                Map<String, String> annotations, String groupKey) {
        Map<String, Object> m = new TreeMap<>();
        m.put("status", prom.status());
        m.put("labels", labels);
        m.put("annotations", annotations);
        m.put("startsAt", Rfc3339.formatNano(prom.startsAt()));
        m.put("endsAt", Rfc3339.formatNano(prom.endsAt()));
        m.put("groupKey", groupKey);
        return m;
    }

    /** Go's {@code strconv.Atoi}: optional sign, ASCII digits, 64-bit range; otherwise the default. */
    private static long parseInt(String s, long fallback) {
        if (!GO_ATOI.matcher(s).matches()) {
            return fallback;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The reference's {@code find}: per candidate key, annotations then labels; first present key wins, trimmed. */
    private record Lookup(Map<String, String> annotations, Map<String, String> labels) {
        String first(String... keys) {
            for (String key : keys) {
                if (annotations != null && annotations.containsKey(key)) {
                    return annotations.get(key).strip();
                }
                if (labels != null && labels.containsKey(key)) {
                    return labels.get(key).strip();
                }
            }
            return "";
        }
    }
}
