package dev.slackmgr.api.settings;

import dev.slackmgr.api.ratelimit.RateLimitConfig;
import dev.slackmgr.api.routing.RoutingRules;

import java.util.List;
import java.util.Objects;

/**
 * The API's dynamic, hot-reloadable settings (rest-api.md §5.2, §11), validated.
 *
 * @param routingRules             compiled routing rules ({@link RoutingRules#none()} when none configured)
 * @param rateLimitPerAlertChannel token-bucket parameters for new channel buckets
 * @param maxUsersInAlertChannel   channel member limit (1–10000)
 * @param apiKeys                  accepted API keys; empty = no authentication
 */
public record ApiSettings(
        RoutingRules routingRules,
        RateLimitConfig rateLimitPerAlertChannel,
        int maxUsersInAlertChannel,
        List<String> apiKeys) {

    public static final int DEFAULT_MAX_USERS_IN_ALERT_CHANNEL = 100;

    private static final ApiSettings DEFAULTS = new ApiSettings(RoutingRules.none(), RateLimitConfig.DEFAULT,
            DEFAULT_MAX_USERS_IN_ALERT_CHANNEL, List.of());

    public ApiSettings {
        Objects.requireNonNull(routingRules, "routingRules");
        Objects.requireNonNull(rateLimitPerAlertChannel, "rateLimitPerAlertChannel");
        apiKeys = List.copyOf(apiKeys);
    }

    /** Settings when no file is configured: no routing rules, reference defaults, no authentication. */
    public static ApiSettings defaults() {
        return DEFAULTS;
    }

    /** True when requests must present one of {@link #apiKeys()}. */
    public boolean authenticationRequired() {
        return !apiKeys.isEmpty();
    }
}
