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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference's HTTP metrics (observability-and-config.md §1.2):
 * {@code slackmgr_http_server_request_duration_seconds{path,method,status}} with the route template as
 * path ({@code /alerts/:slackChannelId}, {@code unmatched} for 404s) and
 * {@code slackmgr_http_server_requests_in_flight}. Also the request log: method, route, status and duration
 * at DEBUG ({@code logging.level.dev.slackmgr.api.metrics=DEBUG}); never headers or bodies, so no token or key
 * can reach the log.
 */
public class HttpMetricsFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(HttpMetricsFilter.class);
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();

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
            Timer.builder("slackmgr.http.server.request.duration")
                    .description("HTTP request duration")
                    .tag("path", route)
                    .tag("method", request.getMethod())
                    .tag("status", Integer.toString(response.getStatus()))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(took);
            if (log.isDebugEnabled()) {
                log.debug("{} {} ({}) -> {} in {} ms", request.getMethod(), request.getRequestURI(), route,
                        response.getStatus(), took.toMillis());
            }
        }
    }

    private static String routeOf(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (!(pattern instanceof String p) || p.startsWith("/**")) {
            return "unmatched";
        }
        return p.replaceAll("\\{([^}]+)}", ":$1");
    }
}
