package dev.slackmgr.deploy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard's structure, and the PromQL name extraction RunnableJarsIT relies on to check that every
 * metric the dashboard queries is exposed by the running services.
 */
class DashboardTest {
    private final JsonNode dashboard = Dashboard.json();

    @Test
    void identityDatasourceVariableAndRefresh() {
        assertThat(dashboard.path("uid").asString()).isEqualTo("slackmgr-overview");
        assertThat(dashboard.path("title").asString()).isEqualTo("slackmgr");
        JsonNode variable = dashboard.path("templating").path("list").get(0);
        assertThat(variable.path("name").asString()).isEqualTo("datasource");
        assertThat(variable.path("type").asString()).isEqualTo("datasource");
        assertThat(variable.path("query").asString()).isEqualTo("prometheus");
        assertThat(dashboard.path("refresh").asString()).isEqualTo("30s");
    }

    @Test
    void everyPanelQueriesPrometheusThroughTheVariableAndPanelsDoNotOverlap() {
        Set<Integer> ids = new HashSet<>();
        List<int[]> boxes = new ArrayList<>();
        for (JsonNode p : Dashboard.panels(dashboard)) {
            assertThat(ids.add(p.path("id").asInt())).as("unique id %s", p.path("id")).isTrue();
            JsonNode g = p.path("gridPos");
            int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
            assertThat(box[0] + box[2]).as(p.path("title").asString()).isLessThanOrEqualTo(24);
            for (int[] other : boxes) {
                boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                        && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                assertThat(overlap).as("%s overlaps another panel", p.path("title").asString()).isFalse();
            }
            boxes.add(box);
            if (p.path("type").asString().equals("row")) {
                continue;
            }
            assertThat(p.path("targets").size()).as(p.path("title").asString()).isPositive();
            assertThat(p.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
            for (JsonNode t : p.path("targets")) {
                assertThat(t.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
                assertThat(Dashboard.metricNames(t.path("expr").asString())).as(t.path("expr").asString()).isNotEmpty();
            }
        }
        assertThat(boxes).hasSizeGreaterThan(20);
    }

    @Test
    void queriesUseTheServicesPrefixedNamesOrStandardJvmMeters() {
        assertThat(Dashboard.metricNames(dashboard)).allSatisfy(n -> assertThat(n)
                .matches("(slackmgr|jvm|process|hikaricp|logback)_[a-z0-9_]+"));
        // the main series of each service are there
        assertThat(Dashboard.metricNames(dashboard)).contains(
                "slackmgr_alerts_processed_total", "slackmgr_channel_open_issues",
                "slackmgr_slack_api_call_duration_seconds_bucket", "slackmgr_queue_depth",
                "slackmgr_http_server_request_duration_seconds_count", "slackmgr_http_alerts_rate_limited_total");
    }

    @Test
    void extractsMetricNamesAndSelectorLabelsFromPromQl() {
        assertThat(Dashboard.metricNames("histogram_quantile(0.95, sum by (le, path) "
                + "(rate(slackmgr_http_server_request_duration_seconds_bucket{status=~\"5..\"}[$__rate_interval])))"))
                .containsExactly("slackmgr_http_server_request_duration_seconds_bucket");
        assertThat(Dashboard.metricNames("sum by (path) (rate(a_total{x=\"by\"}[5m])) / ignoring (le) "
                + "sum(increase(b_count[$__range])) * 60 > bool 0 or on (instance) c"))
                .containsExactly("a_total", "b_count", "c");
        assertThat(Dashboard.selectorLabels("sum(rate(q_total{queue_type=\"alert\", result!=\"success\"}[1m])) / sum(rate(r_total[1m]))"))
                .isEqualTo(Map.of("q_total", Set.of("queue_type", "result")));
    }
}
