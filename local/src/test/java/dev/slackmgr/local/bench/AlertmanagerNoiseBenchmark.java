package dev.slackmgr.local.bench;

import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.local.LocalMode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Noise of Alertmanager's own Slack receiver against slackmgr behind Alertmanager, for one Prometheus-style alert
 * trace. One Debian {@code prometheus-alertmanager} process (config below) gets the trace on its
 * {@code /api/v2/alerts} API, re-sent every 5 s as Prometheus does for firing alerts, and its route sends every
 * notification to two receivers:
 * <ul>
 *   <li>(a) {@code slack}: Alertmanager's Slack receiver with {@code api_url} = fake Slack A's
 *       {@code chat.postMessage} (default templates, {@code channel} from the alert's {@code channel} label);</li>
 *   <li>(b) {@code slackmgr}: a webhook to our API's {@code /prometheus-alert} (local mode: API + manager, embedded
 *       Redis and PostgreSQL) whose manager posts to fake Slack B.</li>
 * </ul>
 * One Slack channel per incident, so every Slack call is counted for its incident: new messages
 * ({@code chat.postMessage}, re-posts included), edits ({@code chat.update}), deletes, and mentions
 * ({@code <!channel>}, {@code <!here>}, {@code <!everyone>}, {@code <!subteam^…>}, {@code <@U…>} in what was posted
 * or edited). Alertmanager timings are compressed (group_wait 2 s, group_interval 5 s, repeat_interval 30 s,
 * Prometheus resend every 5 s) so the trace takes {@value #TRACE_SECONDS} s; the API's per-channel rate limit is
 * scaled up alike (60 alerts/s, burst 100).
 *
 * <p>Argument: path of the alertmanager binary (default {@code /usr/bin/prometheus-alertmanager}).
 */
public final class AlertmanagerNoiseBenchmark {
    static final int TRACE_SECONDS = 150;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern MENTION = Pattern.compile("<!(channel|here|everyone|subteam\\^[A-Z0-9]+)[^>]*>|<@[UW][A-Z0-9]+>");

    /** One incident: a channel, its alerts (alertname, instance), and when each fires / resolves. */
    record Incident(String name, String channel, String description) {
    }

    /** A firing interval of one alert: [from, to) seconds of the trace; to = -1 never resolves. */
    record Interval(String alertname, String instance, String severity, int from, int to, String channel) {
    }

    static final List<Incident> INCIDENTS = List.of(
            new Incident("storm", "C0NSTORM01", "30 instances of NodeDown fire within 10 s, all resolve at 80 s"),
            new Incident("flapping", "C0NFLAP001", "one alert fires and resolves 7 times (10 s on, 10 s off)"),
            new Incident("long", "C0NLONG001", "one alert firing for 140 s (Alertmanager repeats every 30 s)"),
            new Incident("resolves", "C0NRESOLV1", "3 instances fire at 10 s and resolve one by one at 40, 55, 70 s"));

    static List<Interval> trace() {
        List<Interval> t = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            t.add(new Interval("NodeDown", "node-" + i, "critical", 5 + i / 3, 80, "C0NSTORM01"));
        }
        for (int k = 0; k < 7; k++) {
            t.add(new Interval("ProbeFlapping", "probe-1", "warning", 2 + 20 * k, 12 + 20 * k, "C0NFLAP001"));
        }
        t.add(new Interval("HighLatency", "api-1", "warning", 0, 140, "C0NLONG001"));
        t.add(new Interval("CertExpiring", "lb-1", "warning", 10, 40, "C0NRESOLV1"));
        t.add(new Interval("CertExpiring", "lb-2", "warning", 10, 55, "C0NRESOLV1"));
        t.add(new Interval("CertExpiring", "lb-3", "warning", 10, 70, "C0NRESOLV1"));
        return t;
    }

    public static void main(String[] args) throws Exception {
        String binary = args.length > 0 ? args[0] : "/usr/bin/prometheus-alertmanager";
        FakeSlack slackA = new FakeSlack(workspace());
        FakeSlack slackB = new FakeSlack(workspace());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-noise-bench");
        env.put("SLACK_API_URL", slackB.apiUrl());
        Process am = null;
        Path dir = Files.createTempDirectory("slackmgr-noise");
        // The trace runs ~60 x faster than real Alertmanager timings (group_interval 5 s instead of 5 min), so the
        // API's per-channel rate limit (default 1 alert/s, burst 30) is scaled up alike: otherwise re-sent groups
        // of the 30-alert storm are refused with 503 (Alertmanager retries them).
        Path apiSettings = dir.resolve("api-settings.yaml");
        Files.writeString(apiSettings, "rateLimitPerAlertChannel:\n  alertsPerSecond: 60\n  allowedBurst: 100\n");
        System.setProperty("SLACKMGR_API_SETTINGS", apiSettings.toString());
        try (LocalMode local = LocalMode.start(new LocalMode.Options(0, 0, 0, env))) {
            int amPort = freePort();
            Path config = dir.resolve("alertmanager.yml");
            Files.writeString(config, amConfig(slackA.apiUrl() + "chat.postMessage",
                    local.apiBaseUrl() + "/prometheus-alert"));
            File log = dir.resolve("alertmanager.log").toFile();
            am = new ProcessBuilder(binary, "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + amPort, "--cluster.listen-address=")
                    .redirectErrorStream(true).redirectOutput(log).start();
            String amUrl = "http://127.0.0.1:" + amPort;
            awaitReady(amUrl, am, log);
            System.out.println(version(binary));
            replay(amUrl);
            System.out.println("trace replayed; waiting 30 s for the last notifications and Slack writes");
            Thread.sleep(30_000);
            report(slackA, slackB);
        } finally {
            if (am != null) {
                am.destroy();
                am.waitFor();
            }
            slackA.close();
            slackB.close();
        }
        System.exit(0);
    }

    private static FakeWorkspace workspace() {
        FakeWorkspace w = new FakeWorkspace("U0BOT");
        INCIDENTS.forEach(i -> w.channel(i.channel(), "noise-" + i.name()));
        return w;
    }

    static String amConfig(String slackApiUrl, String webhookUrl) {
        return """
                global:
                  resolve_timeout: 30s
                route:
                  receiver: slack
                  group_by: [alertname]
                  group_wait: 2s
                  group_interval: 5s
                  repeat_interval: 30s
                  routes:
                    - receiver: slack
                      continue: true
                    - receiver: slackmgr
                receivers:
                  - name: slack
                    slack_configs:
                      - api_url: '%s'
                        channel: '{{ .CommonLabels.channel }}'
                        send_resolved: true
                        http_config:
                          authorization:
                            credentials: xoxb-alertmanager
                  - name: slackmgr
                    webhook_configs:
                      - url: '%s'
                        send_resolved: true
                """.formatted(slackApiUrl, webhookUrl);
    }

    /** Replays the trace in real time: every 5 s (and at each change) all alerts that fire or just resolved. */
    private static void replay(String amUrl) throws Exception {
        List<Interval> trace = trace();
        long start = System.nanoTime();
        int lastSent = -5;
        boolean[] was = new boolean[trace.size()];
        for (int s = 0; s <= TRACE_SECONDS; s++) {
            long due = start + s * 1_000_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            boolean changed = false;
            for (int i = 0; i < trace.size(); i++) {
                boolean now = firing(trace.get(i), s);
                changed |= now != was[i];
            }
            if (!changed && s - lastSent < 5) {
                continue;
            }
            List<Map<String, Object>> batch = new ArrayList<>();
            Instant t = Instant.now();
            for (int i = 0; i < trace.size(); i++) {
                Interval iv = trace.get(i);
                boolean now = firing(iv, s);
                if (now) {
                    batch.add(alert(iv, startsAt(iv, s, start), t.plusSeconds(30)));
                } else if (was[i] || justResolved(iv, s)) {
                    batch.add(alert(iv, startsAt(iv, s, start), t)); // resolved: endsAt = now
                }
                was[i] = now;
            }
            if (!batch.isEmpty()) {
                post(amUrl + "/api/v2/alerts", JSON.writeValueAsString(batch));
            }
            lastSent = s;
        }
    }

    private static boolean firing(Interval iv, int s) {
        return s >= iv.from() && (iv.to() < 0 || s < iv.to());
    }

    /** Prometheus keeps sending a resolved alert for a while; here for 15 s after it resolved. */
    private static boolean justResolved(Interval iv, int s) {
        return iv.to() >= 0 && s >= iv.to() && s < iv.to() + 15;
    }

    private static Instant startsAt(Interval iv, int s, long startNanos) {
        long ago = (System.nanoTime() - startNanos) / 1_000_000_000L - iv.from();
        return Instant.now().minusSeconds(Math.max(0, ago));
    }

    private static Map<String, Object> alert(Interval iv, Instant startsAt, Instant endsAt) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("labels", Map.of("alertname", iv.alertname(), "instance", iv.instance(), "job", "node",
                "severity", iv.severity(), "channel", iv.channel()));
        a.put("annotations", Map.of("summary", iv.alertname() + " on " + iv.instance(),
                "description", iv.alertname() + " has been firing on " + iv.instance()));
        a.put("startsAt", startsAt.toString());
        a.put("endsAt", endsAt.toString());
        a.put("generatorURL", "http://prometheus.invalid/graph");
        return a;
    }

    private static void report(FakeSlack a, FakeSlack b) {
        System.out.println("| incident | trace | (a) Alertmanager Slack receiver: new messages / edits / deletes / mentions"
                + " | (b) Alertmanager → slackmgr: new messages / edits / deletes / mentions | (b) other Slack calls |");
        System.out.println("|---|---|---|---|---|");
        int[] ta = new int[4];
        int[] tb = new int[4];
        for (Incident i : INCIDENTS) {
            int[] ca = counts(a, i.channel());
            int[] cb = counts(b, i.channel());
            for (int k = 0; k < 4; k++) {
                ta[k] += ca[k];
                tb[k] += cb[k];
            }
            System.out.printf("| %s | %s | %d / %d / %d / %d | %d / %d / %d / %d | %s |%n", i.name(), i.description(),
                    ca[0], ca[1], ca[2], ca[3], cb[0], cb[1], cb[2], cb[3], other(b, i.channel()));
            System.out.printf("RESULT incident=%s am_posts=%d am_edits=%d am_deletes=%d am_mentions=%d"
                            + " sm_posts=%d sm_edits=%d sm_deletes=%d sm_mentions=%d%n", i.name(),
                    ca[0], ca[1], ca[2], ca[3], cb[0], cb[1], cb[2], cb[3]);
        }
        System.out.printf("| **total** | | **%d** / %d / %d / %d | **%d** / %d / %d / %d | |%n",
                ta[0], ta[1], ta[2], ta[3], tb[0], tb[1], tb[2], tb[3]);
        System.out.printf("RESULT incident=total am_posts=%d am_edits=%d am_deletes=%d am_mentions=%d"
                + " sm_posts=%d sm_edits=%d sm_deletes=%d sm_mentions=%d%n",
                ta[0], ta[1], ta[2], ta[3], tb[0], tb[1], tb[2], tb[3]);
        System.out.println("all calls (a): " + byMethod(a) + "; (b): " + byMethod(b));
    }

    /** {new messages (top-level and thread replies), edits, deletes, mentions} in one channel. */
    private static int[] counts(FakeSlack slack, String channel) {
        int[] c = new int[4];
        for (FakeSlack.Call call : slack.calls()) {
            if (!channel.equals(call.params().get("channel"))) {
                continue;
            }
            switch (call.method()) {
                case "chat.postMessage" -> c[0]++;
                case "chat.update" -> c[1]++;
                case "chat.delete" -> c[2]++;
                default -> {
                    continue;
                }
            }
            for (String v : call.params().values()) {
                Matcher m = MENTION.matcher(v);
                while (m.find()) {
                    c[3]++;
                }
            }
        }
        return c;
    }

    private static String other(FakeSlack slack, String channel) {
        Map<String, Integer> n = new java.util.TreeMap<>();
        slack.calls().stream().filter(c -> channel.equals(c.params().get("channel")))
                .filter(c -> !List.of("chat.postMessage", "chat.update", "chat.delete").contains(c.method()))
                .forEach(c -> n.merge(c.method(), 1, Integer::sum));
        return n.isEmpty() ? "–" : n.toString();
    }

    private static Map<String, Integer> byMethod(FakeSlack slack) {
        Map<String, Integer> n = new java.util.TreeMap<>();
        slack.calls().forEach(c -> n.merge(c.method(), 1, Integer::sum));
        return n;
    }

    private static void awaitReady(String amUrl, Process am, File log) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (!am.isAlive()) {
                throw new IllegalStateException("alertmanager exited with " + am.exitValue() + ", see " + log);
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(amUrl + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("alertmanager not ready, see " + log);
    }

    private static void post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " → " + r.statusCode() + " " + r.body());
        }
    }

    private static String version(String binary) {
        try {
            Process p = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
            p.waitFor();
            return out;
        } catch (IOException | InterruptedException e) {
            return "alertmanager version unknown";
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
