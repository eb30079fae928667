package dev.slackmgr.api.routing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One routing rule of the API settings (rest-api.md §5.2), as configured or after normalisation.
 *
 * <p>Also the element type of the {@code GET /mappings} body. Lists that were not configured stay
 * {@code null} and serialise as {@code null}.
 *
 * @param name         unique rule name (informational)
 * @param description  free text (informational)
 * @param alertType    alert type the rule is restricted to; empty = any type
 * @param equals       route keys matched exactly (case-insensitive)
 * @param hasPrefix    route-key prefixes (case-insensitive)
 * @param matchesRegex route-key regexes, searched anywhere in the key (case-insensitive)
 * @param matchAll     catch-all rule
 * @param channel      Slack channel ID the rule routes to
 */
@JsonPropertyOrder({"name", "description", "alertType", "equals", "hasPrefix", "matchesRegex", "matchAll", "channel"})
public record RoutingRule(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("alertType") String alertType,
        @JsonProperty("equals") List<String> equals,
        @JsonProperty("hasPrefix") List<String> hasPrefix,
        @JsonProperty("matchesRegex") List<String> matchesRegex,
        @JsonProperty("matchAll") boolean matchAll,
        @JsonProperty("channel") String channel) {

    /** Null strings become empty strings (Go zero values); lists are copied but keep {@code null}. */
    public RoutingRule {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        alertType = alertType == null ? "" : alertType;
        channel = channel == null ? "" : channel;
        equals = copy(equals);
        hasPrefix = copy(hasPrefix);
        matchesRegex = copy(matchesRegex);
    }

    private static List<String> copy(List<String> list) {
        if (list == null) {
            return null;
        }
        // List.copyOf rejects null elements; a YAML "- " entry is null and must reach validation.
        return Collections.unmodifiableList(new ArrayList<>(list));
    }
}
