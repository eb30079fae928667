package dev.slackmgr.api.routing;

import dev.slackmgr.common.gojson.GoJson;

/**
 * The body of {@code GET /mappings} (rest-api.md §4.4): the normalised rules pretty-printed as Go's
 * {@code json.MarshalIndent} with four spaces; {@code null} without settings, {@code []} for an
 * explicitly empty rule list.
 */
public final class MappingsJson {
    private MappingsJson() {
    }

    public static String render(RoutingRules rules) {
        return GoJson.marshalIndent(rules.view(), "    ");
    }
}
