package dev.slackmgr.deploy;

import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both runnable jars started as their containers start them – layers extracted with the Dockerfile's command,
 * {@code java -jar}, the Dockerfile's JAVA_TOOL_OPTIONS and docker-compose.yml's environment, with only the hosts
 * replaced: a real Redis, a real PostgreSQL and the fake Slack Web API. Checks the probe paths the Helm chart and
 * compose use, the image's health check script, an alert reaching Slack, structured logs, and that every metric the
 * Grafana dashboard queries is one the services expose on /actuator/prometheus.
 */
class RunnableJarsIT {
    private static final String CHANNEL = "C0123456789";
    private static final Path OUT = Path.of("target").toAbsolutePath();

    private static FakeSlack slack;
    private static EmbeddedPostgres postgres;
    private static Jars.Service api;
    private static Jars.Service manager;

    @BeforeAll
    static void start() throws Exception {
        Path work = Files.createDirectories(OUT.resolve("runnable-jars"));
        slack = new FakeSlack(new FakeWorkspace("U0BOT").channel(CHANNEL, "alerts"));
        postgres = EmbeddedPostgres.builder().start();
        String redis = TestRedis.url();

        ComposeFile compose = ComposeFile.load();
        Map<String, String> vars = Map.of("SLACK_BOT_TOKEN", "xoxb-it",
                "SLACKMGR_ENCRYPTION_KEY", "0123456789abcdefABCDEF0123456789");
        String javaToolOptions = dockerfileEnv("JAVA_TOOL_OPTIONS");

        Map<String, String> managerEnv = new LinkedHashMap<>(compose.environment("manager", vars));
        managerEnv.put("SPRING_DATA_REDIS_URL", redis);
        managerEnv.put("SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "postgres"));
        managerEnv.put("SPRING_DATASOURCE_USERNAME", "postgres");
        managerEnv.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        managerEnv.put("SLACK_API_URL", slack.apiUrl());
        managerEnv.put("SERVER_PORT", String.valueOf(Jars.freePort()));
        managerEnv.put("SLACKMGR_MANAGER_SETTINGS", mountSource(compose, "manager", managerEnv.get("SLACKMGR_MANAGER_SETTINGS")));
        managerEnv.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        managerEnv.put("JAVA_TOOL_OPTIONS", javaToolOptions);

        Map<String, String> apiEnv = new LinkedHashMap<>(compose.environment("api", vars));
        apiEnv.put("SPRING_DATA_REDIS_URL", redis);
        apiEnv.put("SLACK_API_URL", slack.apiUrl());
        apiEnv.put("SERVER_PORT", String.valueOf(Jars.freePort()));
        apiEnv.put("SLACKMGR_API_SETTINGS", mountSource(compose, "api", apiEnv.get("SLACKMGR_API_SETTINGS")));
        apiEnv.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        // LOGGING_STRUCTURED_FORMAT_CONSOLE stays compose's default (empty): human-readable lines

        CompletableFuture<Path> managerApp = extractAsync("manager", work);
        CompletableFuture<Path> apiApp = extractAsync("api", work);
        manager = Jars.start("manager", managerApp.join(), managerEnv, work.resolve("manager.log"));
        api = Jars.start("api", apiApp.join(), apiEnv, work.resolve("api.log"));
        Jars.awaitReady(manager, Duration.ofMinutes(3));
        Jars.awaitReady(api, Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Jars.Service s : new Jars.Service[]{api, manager}) {
            if (s != null) {
                s.stop();
            }
        }
        if (slack != null) {
            slack.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void bothServicesServeTheProbeGroupsTheChartAndComposeUse() throws Exception {
        for (Jars.Service s : List.of(api, manager)) {
            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                HttpResponse<String> r = Jars.get(s.url(probe));
                assertThat(r.statusCode()).as(s.name() + " " + probe).isEqualTo(200);
                assertThat(JsonMapper.builder().build().readTree(r.body()).path("status").asString()).isEqualTo("UP");
                assertThat(Jars.healthcheck(s, probe)).as("healthcheck script on " + probe).isZero();
            }
            assertThat(Jars.healthcheck(s, "/actuator/no-such-endpoint")).as("healthcheck script on a 404").isNotZero();
            assertThat(Jars.get(s.url("/actuator/prometheus")).statusCode()).isEqualTo(200);
            assertThat(s.logText()).as("the JVM took the image's JAVA_TOOL_OPTIONS").contains("Picked up JAVA_TOOL_OPTIONS");
        }
    }

    @Test
    void anAlertBecomesOnePostAndTheDashboardQueriesOnlyExposedMetrics() throws Exception {
        String alert = "{\"header\":\"Disk full\",\"severity\":\"error\",\"correlationId\":\"it-disk\",\"issueFollowUpEnabled\":true,\"autoResolveSeconds\":3600,\"slackChannelId\":\"" + CHANNEL + "\"}";
        HttpResponse<String> accepted = Jars.post(api.url("/alerts"), alert);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        await("chat.postMessage in " + CHANNEL, Duration.ofSeconds(30), () -> !slack.messages().of(CHANNEL).isEmpty());

        // Slack trouble on the next writes: a 429 and a 500, so the rate-limit and retry metrics are exercised
        slack.rateLimitNext("chat.update", 1, 1);
        slack.failNext("chat.update", 1, 500);
        String resolved = alert.replace("\"error\"", "\"resolved\"");
        assertThat(Jars.post(api.url("/alerts"), resolved).statusCode()).isEqualTo(202);
        await("chat.update after the 429 and the 500", Duration.ofSeconds(60),
                () -> slack.calls().stream().filter(c -> c.method().equals("chat.update")).count() >= 3);

        // more alerts than the compose settings' burst: the per-channel rate limit answers 429
        int limited = 0;
        for (int i = 0; i < 40 && limited == 0; i++) {
            if (Jars.post(api.url("/alerts"), alert).statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).as("a 429 from the per-channel rate limit").isEqualTo(1);

        // Some series are registered by a later event: the open-issues gauge by the channel's first periodic cycle
        // (issueProcessingIntervalSeconds), the Slack cache counter by the background channel-name lookup. Give them
        // time to appear; what is still missing after that fails below.
        Set<String> wanted = Dashboard.metricNames(Dashboard.json());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> now = new TreeSet<>(scrape(api).keySet());
            now.addAll(scrape(manager).keySet());
            if (now.containsAll(wanted)) {
                break;
            }
            Thread.sleep(500);
        }

        Map<String, Set<String>> labels = new TreeMap<>();
        scrape(api).forEach((k, v) -> labels.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
        scrape(manager).forEach((k, v) -> labels.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
        Set<String> exposed = labels.keySet();
        // kept for docs/operations.md and for refreshing the dashboard
        Files.write(OUT.resolve("scraped-metric-names.txt"), exposed);

        JsonNode dashboard = Dashboard.json();
        Set<String> used = Dashboard.metricNames(dashboard);
        assertThat(used).as("metrics the dashboard queries").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (String name : used) {
            if (!exposed.contains(name)) {
                problems.add("not exposed by api or manager: " + name);
            }
        }
        // and the labels its selectors match on ({queue_type="alert"}, {result="hit"} …) are labels of those metrics
        for (String expr : Dashboard.expressions(dashboard)) {
            Dashboard.selectorLabels(expr).forEach((metric, matched) -> {
                Set<String> have = labels.getOrDefault(metric, Set.of());
                if (exposed.contains(metric) && !have.containsAll(matched)) {
                    problems.add(metric + " has labels " + have + ", the dashboard matches on " + matched);
                }
            });
        }
        assertThat(problems).as("dashboard queries vs. the scraped metrics (see target/scraped-metric-names.txt)").isEmpty();
    }

    @Test
    void structuredLogsAreJsonWhenSwitchedOnAndReadableByDefault() {
        List<String> managerLines = logLines(manager);
        assertThat(managerLines).hasSizeGreaterThan(5);
        JsonMapper json = JsonMapper.builder().build();
        for (String line : managerLines) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.path("@timestamp").isString()).as(line).isTrue();
            assertThat(entry.path("log").path("level").asString()).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(entry.path("service").path("name").asString()).isEqualTo("slackmgr-manager");
            assertThat(entry.path("message").isString()).as(line).isTrue();
        }
        List<String> apiLines = logLines(api);
        assertThat(apiLines).anySatisfy(l -> assertThat(l).contains(" INFO ").contains("Started"));
        assertThat(apiLines).noneSatisfy(l -> assertThat(l).startsWith("{"));
    }

    /** Log lines written by the application (the JVM's own first line and stack trace lines aside). */
    private static List<String> logLines(Jars.Service s) {
        List<String> out = new ArrayList<>();
        for (String line : s.logText().split("\n")) {
            if (line.isBlank() || line.startsWith("Picked up JAVA_TOOL_OPTIONS") || line.startsWith("\t")
                    || line.startsWith("Caused by") || line.startsWith("SLF4J") || line.contains("Spring Boot ::")
                    || !line.startsWith("{") && (line.startsWith(" ") || line.startsWith("  .") || line.startsWith(" /")
                    || line.startsWith("=") || line.startsWith(" '") || line.startsWith(" :") || line.startsWith("(("))) {
                continue;
            }
            out.add(line);
        }
        return out;
    }

    /** The sample names of a Prometheus scrape with the label names each carries. */
    private static Map<String, Set<String>> scrape(Jars.Service s) throws IOException, InterruptedException {
        HttpResponse<String> r = Jars.get(s.url("/actuator/prometheus"));
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Set<String>> names = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)})? ").matcher(r.body());
        while (m.find()) {
            Set<String> labels = names.computeIfAbsent(m.group(1), k -> new TreeSet<>());
            if (m.group(2) != null) {
                Matcher l = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"").matcher(m.group(2));
                while (l.find()) {
                    labels.add(l.group(1));
                }
            }
        }
        return names;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; Slack calls: "
                        + slack.calls().stream().map(FakeSlack.Call::method).toList()
                        + "\nmanager log:\n" + Jars.tail(manager.logText()));
            }
            Thread.sleep(100);
        }
    }

    private static CompletableFuture<Path> extractAsync(String module, Path work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Path dir = Files.createDirectories(work.resolve(module));
                return Jars.extract(module, dir);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The repository file compose mounts at this container path. */
    private static String mountSource(ComposeFile compose, String service, String containerPath) {
        for (Object v : K8s.listAt(compose.service(service), "volumes")) {
            String[] parts = String.valueOf(v).split(":");
            if (parts[1].equals(containerPath)) {
                return Repo.path(parts[0].substring(2)).toString();
            }
        }
        throw new AssertionError("compose mounts nothing at " + containerPath);
    }

    private static String dockerfileEnv(String name) {
        Matcher m = Pattern.compile("(?m)^ENV " + name + "=\"([^\"]*)\"$").matcher(Repo.read("Dockerfile"));
        assertThat(m.find()).as("Dockerfile ENV " + name).isTrue();
        return m.group(1);
    }
}
