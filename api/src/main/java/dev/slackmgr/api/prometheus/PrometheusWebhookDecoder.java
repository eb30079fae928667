package dev.slackmgr.api.prometheus;

import dev.slackmgr.common.alert.GoText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes an Alertmanager webhook body with the reference's (Go {@code encoding/json}) rules:
 * struct keys match case-insensitively (exact match preferred, last occurrence wins), unknown keys
 * are ignored, {@code null} leaves a field at its zero value, types are strict (label values must be
 * strings, {@code truncatedAlerts} an integer, {@code startsAt}/{@code endsAt} RFC 3339 strings),
 * invalid UTF-8 becomes U+FFFD, trailing data is an error. A JSON {@code null} body is an empty
 * payload; an array or any other non-object root is an error.
 *
 * <p>Deviation: a {@code null} entry in {@code alerts} is a decode error (the reference crashes with 500).
 */
public final class PrometheusWebhookDecoder {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final List<String> WEBHOOK_FIELDS = List.of("version", "groupKey", "truncatedAlerts", "status",
            "receiver", "groupLabels", "commonLabels", "commonAnnotations", "externalURL", "alerts");
    private static final List<String> ALERT_FIELDS = List.of("status", "labels", "annotations", "startsAt",
            "endsAt", "generatorURL", "fingerprint");

    private PrometheusWebhookDecoder() {
    }

    /**
     * @param body the raw request body
     * @throws PrometheusDecodeException with a detail naming the offending field
     */
    public static PrometheusWebhook decode(byte[] body) throws PrometheusDecodeException {
        JsonNode root;
        try {
            root = MAPPER.readTree(new String(GoText.replaceInvalidUtf8(body), StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new PrometheusDecodeException(e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new PrometheusDecodeException("unexpected end of JSON input");
        }
        if (root.isNull()) {
            return PrometheusWebhook.empty();
        }
        Map<String, JsonNode> f = fields(root, "", WEBHOOK_FIELDS);
        return new PrometheusWebhook(
                string(f, "version", ""),
                string(f, "groupKey", ""),
                integer(f, "truncatedAlerts", ""),
                string(f, "status", ""),
                string(f, "receiver", ""),
                stringMap(f, "groupLabels", ""),
                stringMap(f, "commonLabels", ""),
                stringMap(f, "commonAnnotations", ""),
                string(f, "externalURL", ""),
                alerts(f.get("alerts")));
    }

    private static List<PrometheusAlert> alerts(JsonNode node) throws PrometheusDecodeException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw typeError("alerts", "an array", node);
        }
        List<PrometheusAlert> alerts = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String where = "alerts[" + i + "].";
            JsonNode a = node.get(i);
            if (a.isNull()) {
                throw new PrometheusDecodeException("alerts[" + i + "]: alert cannot be null");
            }
            Map<String, JsonNode> f = fields(a, "alerts[" + i + "]", ALERT_FIELDS);
            alerts.add(new PrometheusAlert(
                    string(f, "status", where),
                    stringMap(f, "labels", where),
                    stringMap(f, "annotations", where),
                    time(f, "startsAt", where),
                    time(f, "endsAt", where),
                    string(f, "generatorURL", where),
                    string(f, "fingerprint", where)));
        }
        return alerts;
    }

    /** The object's members by canonical field name: exact match first, else case-insensitive; last wins. */
    private static Map<String, JsonNode> fields(JsonNode object, String where, List<String> known)
            throws PrometheusDecodeException {
        if (!object.isObject()) {
            throw typeError(where.isEmpty() ? "body" : where, "an object", object);
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String canonical = canonical(e.getKey(), known);
            if (canonical != null) {
                out.put(canonical, e.getValue());
            }
        }
        return out;
    }

    private static String canonical(String key, List<String> known) {
        if (known.contains(key)) {
            return key;
        }
        for (String k : known) {
            if (k.equalsIgnoreCase(key)) {
                return k;
            }
        }
        return null;
    }

    private static String string(Map<String, JsonNode> f, String name, String where) throws PrometheusDecodeException {
        JsonNode n = f.get(name);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isString()) {
            throw typeError(where + name, "a string", n);
        }
        return text(n);
    }

    private static long integer(Map<String, JsonNode> f, String name, String where) throws PrometheusDecodeException {
        JsonNode n = f.get(name);
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw typeError(where + name, "an integer", n);
        }
        return n.longValue();
    }

    private static Map<String, String> stringMap(Map<String, JsonNode> f, String name, String where)
            throws PrometheusDecodeException {
        JsonNode n = f.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw typeError(where + name, "an object of strings", n);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            JsonNode v = e.getValue();
            String key = GoText.replaceLoneSurrogates(e.getKey());
            if (v.isNull()) {
                out.put(key, "");
            } else if (v.isString()) {
                out.put(key, text(v));
            } else {
                throw typeError(where + name + "." + e.getKey(), "a string", v);
            }
        }
        return out;
    }

    /**
     * A string value as Go decodes it: a lone surrogate escape ({@code \ud800}) becomes U+FFFD. Kept as is,
     * it reached the alert and changed when the queue body was decoded (found by PrometheusFuzzTest).
     */
    private static String text(JsonNode n) {
        return GoText.replaceLoneSurrogates(n.stringValue());
    }

    private static OffsetDateTime time(Map<String, JsonNode> f, String name, String where)
            throws PrometheusDecodeException {
        JsonNode n = f.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            throw typeError(where + name, "an RFC 3339 time string", n);
        }
        try {
            return Rfc3339.parse(n.stringValue());
        } catch (DateTimeParseException e) {
            throw new PrometheusDecodeException(where + name + ": cannot parse \"" + n.stringValue()
                    + "\" as an RFC 3339 time", e);
        }
    }

    private static PrometheusDecodeException typeError(String where, String expected, JsonNode actual) {
        return new PrometheusDecodeException(where + ": expected " + expected + ", got " + describe(actual));
    }

    private static String describe(JsonNode n) {
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isString()) {
            return "a string";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isNumber()) {
            return "the number " + n.toString();
        }
        return n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
