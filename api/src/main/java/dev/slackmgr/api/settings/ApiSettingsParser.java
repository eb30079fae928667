package dev.slackmgr.api.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.slackmgr.api.ratelimit.RateLimitConfig;
import dev.slackmgr.api.routing.InvalidRoutingRulesException;
import dev.slackmgr.api.routing.RoutingRule;
import dev.slackmgr.api.routing.RoutingRules;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates a YAML (or JSON) settings document with the reference's key names:
 * {@code routingRules}, {@code rateLimitPerAlertChannel.alertsPerSecond},
 * {@code rateLimitPerAlertChannel.allowedBurst}, {@code maxUsersInAlertChannel}, plus {@code apiKeys}.
 *
 * <p>Absent keys take the defaults; unknown keys are rejected (the reference ignores them, which
 * hides typos). Every error message starts with the offending key, followed by the reference's text
 * where one exists, e.g. {@code maxUsersInAlertChannel: max users in alert channel must be between 1 and 10000}.
 */
public final class ApiSettingsParser {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ApiSettingsParser() {
    }

    /**
     * @param document YAML text; empty, {@code null} or only comments gives {@link ApiSettings#defaults()}
     * @throws InvalidSettingsException naming the offending key
     */
    public static ApiSettings parse(String document) throws InvalidSettingsException {
        Document doc;
        try {
            doc = MAPPER.readValue(document, Document.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidSettingsException(path(e) + ": unknown key", e);
        } catch (JacksonException e) {
            if (isBlank(document)) {
                return ApiSettings.defaults();
            }
            String where = path(e);
            throw new InvalidSettingsException((where.isEmpty() ? "settings" : where) + ": invalid value: "
                    + e.getOriginalMessage(), e);
        }
        return doc == null ? ApiSettings.defaults() : validate(doc);
    }

    /** Empty text, only comments, or a lone document marker: Jackson reports "no content". */
    private static boolean isBlank(String document) {
        try {
            JsonNode tree = MAPPER.readTree(document);
            return tree == null || tree.isMissingNode() || tree.isNull();
        } catch (JacksonException e) {
            return false;
        }
    }

    private static ApiSettings validate(Document doc) throws InvalidSettingsException {
        RoutingRules rules;
        try {
            rules = RoutingRules.of(doc.routingRules);
        } catch (InvalidRoutingRulesException e) {
            throw new InvalidSettingsException("routingRules: " + e.getMessage(), e);
        }
        RateLimitConfig rateLimit = RateLimitConfig.DEFAULT;
        if (doc.rateLimitSet) {
            if (doc.rateLimitPerAlertChannel == null) {
                throw new InvalidSettingsException("rateLimitPerAlertChannel: rate limit config is required");
            }
            double perSecond = doc.rateLimitPerAlertChannel.alertsPerSecond == null
                    ? RateLimitConfig.DEFAULT.alertsPerSecond() : doc.rateLimitPerAlertChannel.alertsPerSecond;
            if (!(perSecond >= 0.001 && perSecond <= 1000)) {
                throw new InvalidSettingsException("rateLimitPerAlertChannel.alertsPerSecond: rate limit config is "
                        + "invalid: alerts per second must be between 0.001 and 1000");
            }
            int burst = doc.rateLimitPerAlertChannel.allowedBurst == null
                    ? RateLimitConfig.DEFAULT.allowedBurst() : doc.rateLimitPerAlertChannel.allowedBurst;
            if (burst < 1 || burst > 10_000) {
                throw new InvalidSettingsException("rateLimitPerAlertChannel.allowedBurst: rate limit config is "
                        + "invalid: allowed burst must be between 1 and 10000");
            }
            rateLimit = new RateLimitConfig(perSecond, burst);
        }
        int maxUsers = doc.maxUsersInAlertChannel == null
                ? ApiSettings.DEFAULT_MAX_USERS_IN_ALERT_CHANNEL : doc.maxUsersInAlertChannel;
        if (maxUsers < 1 || maxUsers > 10_000) {
            throw new InvalidSettingsException(
                    "maxUsersInAlertChannel: max users in alert channel must be between 1 and 10000");
        }
        List<String> apiKeys = new ArrayList<>();
        if (doc.apiKeys != null) {
            for (int i = 0; i < doc.apiKeys.size(); i++) {
                String key = doc.apiKeys.get(i) == null ? "" : doc.apiKeys.get(i).strip();
                if (key.isEmpty()) {
                    throw new InvalidSettingsException("apiKeys[" + i + "]: api key cannot be empty");
                }
                apiKeys.add(key);
            }
        }
        return new ApiSettings(rules, rateLimit, maxUsers, apiKeys);
    }

    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** The document as written; {@code null} fields were absent. */
    static final class Document {
        @JsonProperty("routingRules")
        List<RoutingRule> routingRules;
        RateLimitDocument rateLimitPerAlertChannel;
        boolean rateLimitSet;
        @JsonProperty("maxUsersInAlertChannel")
        Integer maxUsersInAlertChannel;
        @JsonProperty("apiKeys")
        List<String> apiKeys;

        @JsonProperty("rateLimitPerAlertChannel")
        void setRateLimitPerAlertChannel(RateLimitDocument value) {
            rateLimitPerAlertChannel = value;
            rateLimitSet = true;
        }
    }

    /** {@code rateLimitPerAlertChannel} as written. */
    static final class RateLimitDocument {
        @JsonProperty("alertsPerSecond")
        Double alertsPerSecond;
        @JsonProperty("allowedBurst")
        Integer allowedBurst;
    }
}
