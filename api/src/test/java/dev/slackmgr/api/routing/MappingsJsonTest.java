package dev.slackmgr.api.routing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MappingsJsonTest {

    @Test
    void rendersNormalisedRulesLikeTheReference() throws Exception { // J03
        RoutingRules rules = RoutingRules.of(List.of(
                new RoutingRule(" rule-x ", " Team <X> ", " SECURITY ", List.of("  KEY1 ", "KEY2"),
                        List.of(" PREFIX- "), List.of("^Prod-.*"), false, " C123456789 "),
                new RoutingRule("all", "", "", null, null, null, true, "C444555666")));
        assertThat(MappingsJson.render(rules)).isEqualTo("""
                [
                    {
                        "name": "rule-x",
                        "description": "Team \\u003cX\\u003e",
                        "alertType": "security",
                        "equals": [
                            "key1",
                            "key2"
                        ],
                        "hasPrefix": [
                            "prefix-"
                        ],
                        "matchesRegex": [
                            "(?i)^Prod-.*"
                        ],
                        "matchAll": false,
                        "channel": "C123456789"
                    },
                    {
                        "name": "all",
                        "description": "",
                        "alertType": "",
                        "equals": null,
                        "hasPrefix": null,
                        "matchesRegex": null,
                        "matchAll": true,
                        "channel": "C444555666"
                    }
                ]""");
    }

    @Test
    void noSettingsIsNullAndEmptyListIsEmptyArray() throws Exception {
        assertThat(MappingsJson.render(RoutingRules.none())).isEqualTo("null");
        assertThat(MappingsJson.render(RoutingRules.of(List.of()))).isEqualTo("[]");
    }
}
