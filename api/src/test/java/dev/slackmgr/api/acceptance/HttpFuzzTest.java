package dev.slackmgr.api.acceptance;

import dev.slackmgr.api.config.ApiProperties;
import dev.slackmgr.api.prometheus.PrometheusAlerts;
import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertCleaner;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.common.alert.IgnoreFilter;
import dev.slackmgr.common.queue.QueueKeys;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP fuzz run against the real API and real Redis (issue #8 item 6): seeded hostile requests
 * ({@link HostileRequests}) to {@code /alert}, {@code /alerts}, {@code /prometheus-alert}. For every request:
 * no status ≥ 500; every 4xx is a JSON {@code {"error": …}} naming the problem (a request that is not valid HTTP
 * at all may get the server's plain 400 or a closed connection, counted and reported); a 2xx only when exactly the
 * alerts the body holds (less ignored ones) were added to Redis – checked after every 2xx, so a refused request
 * that wrote anything is caught at the next one and at the end. Afterwards the process is healthy and a valid
 * alert is still accepted.
 *
 * <p>Short run (3,000 requests) in {@code ./mvnw verify}; {@code -Pfaults} runs 100,000. Override with
 * {@code -Dslackmgr.fuzz.cases=N} and {@code -Dslackmgr.fuzz.seed=S}.
 */
class HttpFuzzTest extends ApiTestBase {
    private static final Logger log = LoggerFactory.getLogger(HttpFuzzTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Rate limits out of the way: a rate-limited Prometheus request is a deliberate 503 (docs/compatibility.md). */
    private static final String NO_LIMITS = """
            rateLimitPerAlertChannel:
              alertsPerSecond: 1000
              allowedBurst: 10000
            maxUsersInAlertChannel: 1000
            """;

    @Autowired
    ApiProperties props;

    static int cases() {
        boolean longRun = "long".equals(System.getProperty("slackmgr.faults"));
        return Integer.getInteger("slackmgr.fuzz.cases", longRun ? 100_000 : 3_000);
    }

    @Test
    void hostileRequestsNeverGet5xxAndOnly2xxStoreAlerts() throws Exception {
        settings(NO_LIMITS);
        assertThat(buckets.allowedBurst()).as("fuzz settings loaded").isEqualTo(10_000);
        long seed = Long.getLong("slackmgr.fuzz.seed", 20261123L);
        int n = cases();
        HostileRequests gen = new HostileRequests(seed, port, props.maxBodySize().toBytes());
        Stats stats = new Stats();
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        // every refusal is logged at INFO; 100,000 of them would only slow the run down (5xx are ERROR, still shown)
        logging.setLogLevel("dev.slackmgr.api.web.ApiErrorHandler", LogLevel.WARN);
        long expectedQueued = 0;
        long started = System.nanoTime();
        try (RawHttp http = new RawHttp("127.0.0.1", port, 15_000)) {
            for (int i = 0; i < n; i++) {
                HostileRequests.Case c = gen.next();
                RawHttp.Reply reply;
                try {
                    reply = http.exchange(c.request(), c.halfClose(), c.head());
                } catch (ConnectException e) {
                    throw new AssertionError("the API stopped listening at " + c.summary(), e);
                } catch (SocketTimeoutException e) {
                    stats.fail("no response within 15 s", c, null);
                    continue;
                } catch (IOException e) {
                    if (c.wellFramed()) {
                        stats.fail("broken response: " + e, c, null);
                    } else {
                        stats.count("malformed HTTP: broken response");
                    }
                    continue;
                }
                stats.count("status " + reply.status());
                expectedQueued += check(c, reply, stats, expectedQueued);
            }
        } finally {
            logging.setLogLevel("dev.slackmgr.api.web.ApiErrorHandler", null);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("HTTP fuzz: {} requests (seed {}) in {} s; {} alerts queued; outcomes {}", n, seed,
                String.format("%.1f", seconds), expectedQueued, stats.counts);
        System.out.printf("HTTP fuzz: %d requests (seed %d) in %.1f s; %d alerts queued; outcomes %s%n", n, seed,
                seconds, expectedQueued, stats.counts);

        assertThat(stats.failures).as("failures (first %d of %d)", stats.failures.size(), stats.failureCount)
                .isEmpty();
        assertThat(totalQueued()).as("alerts in Redis = alerts of the 2xx answers").isEqualTo(expectedQueued);
        assertThat(stats.counts.getOrDefault("status 202", 0)).as("some valid alerts were accepted").isPositive();

        // still healthy, still accepting
        assertThat(get("/actuator/health").status()).isEqualTo(200);
        Response ok = post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"after the fuzz run\"}");
        assertThat(ok.status()).isEqualTo(202);
        assertThat(queued("C123")).extracting(q -> q.field("header")).contains("after the fuzz run");
    }

    /** Regressions of what the fuzz run found: each of these was an empty 400, a closed connection, HTML or a 5xx. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            // an error handler that negotiated the body's type failed for an Accept without JSON
            "POST /alerts HTTP/1.1⏎Accept: image/png⏎Content-Length: 3⏎⏎{x}|400|Failed to parse POST body",
            "POST /alerts HTTP/1.1⏎Accept: text/html⏎Content-Length: 2⏎⏎{}|400|no route key",
            // Spring's error page decoded the URI with the request's bogus charset: 500
            "TRACE /prometheus-alert HTTP/1.1⏎Content-Type: text/html; charset=\"ÿ\"⏎Content-Length: 0⏎⏎|405|Method Not Allowed",
            // Tomcat's own refusals were HTML, and 501/505 told clients to retry
            "POST /alerts HTTP/1.1⏎Transfer-Encoding: gzip, chunked⏎⏎0⏎⏎|400|transfer encoding",
            "POST /alerts HTTP/2.0⏎Content-Length: 2⏎⏎{}|400|HTTP version",
            "CONNECT /alerts HTTP/1.1⏎Content-Length: 0⏎⏎|400|method",
            "POST /alert/C1%2F2 HTTP/1.1⏎Content-Length: 2⏎⏎{}|400|Bad request",
            "POST /alert/%00 HTTP/1.1⏎Content-Length: 2⏎⏎{}|400|Bad request",
            "POST /alerts HTTP/1.1⏎Content-Length: 1, 2⏎⏎{}|400|Bad request",
            // the container's error page asked for directly (100,000-request run): was 500
            "POST /error HTTP/1.1⏎Content-Length: 2⏎⏎{}|404|404 page not found: POST /error",
            "GET /error HTTP/1.1⏎⏎|404|404 page not found: GET /error",
    })
    void hostileHttpGetsAJsonErrorNamingTheProblem(String request, int status, String errorPart) throws Exception {
        String[] parts = request.split("⏎", 2);
        String wire = parts[0] + "\r\nHost: 127.0.0.1\r\n" + parts[1].replace("⏎", "\r\n");
        try (RawHttp http = new RawHttp("127.0.0.1", port, 10_000)) {
            RawHttp.Reply reply = http.exchange(wire.getBytes(StandardCharsets.ISO_8859_1), true, false);
            assertThat(reply.status()).as(reply.text()).isEqualTo(status);
            assertThat(isJsonError(reply)).as("JSON error: %s %s", reply.headers(), reply.text()).isTrue();
            assertThat(JSON.readTree(reply.text()).path("error").asString()).containsIgnoringCase(errorPart);
        }
        assertThat(get("/actuator/health").status()).isEqualTo(200);
    }

    /** Checks one reply; returns the number of alerts it added to Redis. */
    private long check(HostileRequests.Case c, RawHttp.Reply reply, Stats stats, long queuedSoFar) {
        int status = reply.status();
        if (status < 0) {
            if (c.wellFramed()) {
                stats.fail("connection closed without a response", c, reply);
            }
            return 0;
        }
        if (status >= 500) {
            stats.fail("status " + status, c, reply);
            return 0;
        }
        if (status >= 400) {
            if (!c.head() && !isJsonError(reply)) {
                if (c.wellFramed()) {
                    stats.fail("4xx without a JSON error naming the problem", c, reply);
                } else {
                    stats.count("malformed HTTP: plain " + status);
                }
            }
            return 0;
        }
        if (status == 200 && c.method().equals("OPTIONS")) {
            return 0; // Allow: POST,OPTIONS (the Redis total is checked after the next 2xx and at the end)
        }
        if (status == 202 || status == 204) {
            long expected;
            try {
                expected = expectedQueued(c);
            } catch (RuntimeException e) {
                stats.fail(status + " for a body the API cannot have accepted (" + e + ")", c, reply);
                return totalQueued() - queuedSoFar;
            }
            long added = totalQueued() - queuedSoFar;
            if (added != expected) {
                stats.fail(status + " but " + added + " alerts were added to Redis, expected " + expected, c, reply);
            } else if ((status == 202) != (expected > 0)) {
                stats.fail(status + " with " + expected + " alerts queued", c, reply);
            }
            return added;
        }
        if (c.wellFramed()) {
            stats.fail("unexpected status " + status, c, reply);
        }
        return 0;
    }

    /** The alerts the server queues for this body when it accepts it: all decoded alerts but the ignored ones. */
    private static long expectedQueued(HostileRequests.Case c) {
        if (c.body() == null || c.endpoint() == HostileRequests.Endpoint.OTHER) {
            throw new IllegalStateException("no body or not an ingest endpoint");
        }
        if (c.endpoint() == HostileRequests.Endpoint.TEST) {
            return 0; // /alerts-test resolves channels and logs, it queues nothing
        }
        List<Alert> alerts;
        if (c.endpoint() == HostileRequests.Endpoint.PROMETHEUS) {
            try {
                alerts = PrometheusAlerts.fromBody(c.body(), Instant.now());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        } else {
            alerts = AlertJson.decodeRequestBody(c.body());
        }
        return alerts.stream().filter(a -> !IgnoreFilter.isIgnored(AlertCleaner.clean(a, Instant.now()))).count();
    }

    static boolean isJsonError(RawHttp.Reply reply) {
        String type = reply.header("content-type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode n = JSON.readTree(reply.text());
            String error = n.path("error").asString("");
            return n.isObject() && !error.isBlank() && !error.equals("Internal server error");
        } catch (RuntimeException e) {
            return false;
        }
    }

    static long totalQueued() {
        long total = 0;
        for (String stream : redis.keys(QueueKeys.of(QueueKeys.ALERTS).stream("*"))) {
            if (QueueKeys.of(QueueKeys.ALERTS).channelOf(stream) != null) {
                total += redis.xlen(stream);
            }
        }
        return total;
    }

    private static final class Stats {
        final Map<String, Integer> counts = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        int failureCount;

        void count(String outcome) {
            counts.merge(outcome, 1, Integer::sum);
        }

        void fail(String what, HostileRequests.Case c, RawHttp.Reply reply) {
            failureCount++;
            String category = "FAILED: " + what.replaceAll(" \\(.*", "");
            count(category);
            if (failures.size() < 40 && counts.get(category) <= 4) {
                String answer = reply == null ? "" : " → " + reply.status() + " " + reply.headers() + " "
                        + new String(reply.body(), 0, Math.min(300, reply.body().length), StandardCharsets.UTF_8);
                failures.add(what + ": " + c.summary() + answer);
            }
        }
    }
}
