package dev.slackmgr.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The reference's HTTP metrics (observability-and-config.md §1.2):
 * {@code slackmgr_http_server_request_duration_seconds{path,method,status}} with the route template as
 * path ({@code /alerts/:slackChannelId}, {@code unmatched} for 404s) and
 * {@code slackmgr_http_server_requests_in_flight}. Also the request log: method, route, status and duration
 * at DEBUG ({@code logging.level.dev.slackmgr.api.metrics=DEBUG}); never headers or bodies, so no token or key
 * can reach the log.
 *
 * <p>Route names and timers are cached per route/method/status: building and registering the timer and
 * rewriting the route with a regular expression on every request were ≈ 13 % of the API's CPU for single-alert
 * requests (JFR, docs/benchmarks.md "Ingest profile").
 */
public class HttpMetricsFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(HttpMetricsFilter.class);
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private static final Pattern ROUTE_VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Distinct route patterns and timers are few (the endpoints × methods × statuses), so the maps stay small. */
    private static final int MAX_CACHED = 10_000;

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentMap<String, String> routes = new ConcurrentHashMap<>();
    private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String route, String method, int status) {
    }

    public HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("slackmgr.http.server.requests.in.flight", inFlight);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.decrementAndGet();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String route = routeOf(request);
            timer(new TimerKey(route, request.getMethod(), response.getStatus())).record(took);
            if (log.isDebugEnabled()) {
                log.debug("{} {} ({}) -> {} in {} ms", request.getMethod(), request.getRequestURI(), route,
                        response.getStatus(), took.toMillis());
            }
        }
    }

    private Timer timer(TimerKey key) {
        Timer cached = timers.get(key);
        if (cached != null) {
            return cached;
        }
        Timer timer = Timer.builder("slackmgr.http.server.request.duration")
                .description("HTTP request duration")
                .tag("path", key.route())
                .tag("method", key.method())
                .tag("status", Integer.toString(key.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        if (timers.size() < MAX_CACHED) {
            timers.putIfAbsent(key, timer);
        }
        return timer;
    }

    private String routeOf(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (!(pattern instanceof String p) || p.startsWith("/**")) {
            return "unmatched";
        }
        String cached = routes.get(p);
        if (cached != null) {
            return cached;
        }
        String route = ROUTE_VARIABLE.matcher(p).replaceAll(":$1");
        if (routes.size() < MAX_CACHED) {
            routes.putIfAbsent(p, route);
        }
        return route;
    }
}
