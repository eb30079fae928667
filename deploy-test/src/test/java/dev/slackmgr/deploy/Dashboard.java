package dev.slackmgr.deploy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/grafana/slackmgr.json and the metric names its PromQL queries use. */
final class Dashboard {
    static final String FILE = "deploy/grafana/slackmgr.json";

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENT = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");

    private Dashboard() {
    }

    static JsonNode json() {
        return JsonMapper.builder().build().readTree(Repo.read(FILE));
    }

    /** Every panel, including those nested in collapsed rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            out.add(p);
            for (JsonNode nested : p.path("panels")) {
                out.add(nested);
            }
        }
        return out;
    }

    /** The PromQL expressions of every panel target. */
    static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode p : panels(dashboard)) {
            for (JsonNode t : p.path("targets")) {
                if (t.hasNonNull("expr")) {
                    exprs.add(t.get("expr").asString());
                }
            }
        }
        return exprs;
    }

    /** The metric (sample) names a PromQL expression selects. */
    static Set<String> metricNames(String expr) {
        String s = STRING.matcher(expr).replaceAll(" ");
        s = LABEL_MATCHERS.matcher(s).replaceAll(" ");
        s = RANGES.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENT.matcher(s);
        while (m.find()) {
            String name = m.group(1);
            boolean functionCall = m.group(2) != null;
            if (!functionCall && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    private static final Pattern SELECTOR = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");

    /** For every {@code metric{label="…",…}} selector of the expression: metric name → label names it matches on. */
    static Map<String, Set<String>> selectorLabels(String expr) {
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher m = SELECTOR.matcher(expr);
        while (m.find()) {
            String inner = STRING.matcher(m.group(2)).replaceAll(" ");
            Matcher l = MATCHER_LABEL.matcher(inner);
            Set<String> labels = out.computeIfAbsent(m.group(1), k -> new TreeSet<>());
            while (l.find()) {
                labels.add(l.group(1));
            }
        }
        return out;
    }

    static Set<String> metricNames(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        expressions(dashboard).forEach(e -> names.addAll(metricNames(e)));
        return names;
    }
}
