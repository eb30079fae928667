package dev.slackmgr.manager.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs one Slack Web API call with the reference's retry algorithm (observability-and-config.md §5.3/§5.4):
 * before each attempt it waits on the {@link RateLimitGate} and for a {@link SlackPacer} token; the HTTP attempt
 * itself holds one of {@code concurrency} bulkhead permits (never during waits). A 429 signals the gate until
 * {@code now + Retry-After + rateLimitExtraWait} and waits that long plus jitter; transient failures back off
 * exponentially with jitter (resilience4j {@link IntervalFunction}); permanent failures end the call at once.
 * Attempt counts and both time budgets are measured from the first attempt.
 */
public final class SlackCallRunner {
    private static final Logger log = LoggerFactory.getLogger(SlackCallRunner.class);
    private static final Duration MIN_BUDGET = Duration.ofSeconds(1);
    private static final Duration GATE_RECHECK = Duration.ofMillis(500);
    private static final long PREPAID_VALIDITY_NANOS = 1_000_000_000L;
    /** Slots taken by {@link #reserveNow}, by action, with the time they were taken. */
    private final ThreadLocal<java.util.Map<SlackAction, Long>> prepaid =
            ThreadLocal.withInitial(() -> new java.util.EnumMap<>(SlackAction.class));

    /** One HTTP attempt through the SDK. */
    @FunctionalInterface
    public interface Attempt<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    private final SlackClientSettings settings;
    private final RateLimitGate gate;
    private final SlackPacer pacer;
    private final SlackMetrics metrics;
    private final Clock clock;
    private final Bulkhead bulkhead;
    private final IntervalFunction backoff;
    private final Tracer tracer;

    public SlackCallRunner(SlackClientSettings settings, RateLimitGate gate, SlackPacer pacer, SlackMetrics metrics,
                           Clock clock) {
        this(settings, gate, pacer, metrics, clock, Tracer.NOOP);
    }

    /** With {@code tracer}: every call (all its attempts and waits) is a {@code CLIENT} span. */
    public SlackCallRunner(SlackClientSettings settings, RateLimitGate gate, SlackPacer pacer, SlackMetrics metrics,
                           Clock clock, Tracer tracer) {
        this.tracer = tracer;
        this.settings = settings;
        this.gate = gate;
        this.pacer = pacer;
        this.metrics = metrics;
        this.clock = clock;
        this.bulkhead = Bulkhead.of("slack-api", BulkheadConfig.custom()
                .maxConcurrentCalls(settings.concurrency())
                .maxWaitDuration(settings.maxTransientErrorWait())
                .build());
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.transientBackoff(), 2.0, 0.5,
                settings.maxTransientErrorWait());
    }

    /**
     * Calls Slack until the answer is {@code ok}, or its error code is one of {@code expectedErrors} (returned
     * as is, not counted as an error, not retried), or the call finally fails.
     *
     * @param channelId the channel the call is about (per-channel pacing); may be null
     * @throws SlackCallException when the call finally fails
     */
    public <T extends SlackApiTextResponse> T call(SlackAction action, String channelId, Set<String> expectedErrors,
                                                   Attempt<T> attempt) {
        return call(action, channelId, expectedErrors, true, attempt);
    }

    /**
     * As {@link #call(SlackAction, String, Set, Attempt)}; with {@code retryUncertain = false} a transient failure
     * (I/O error, timeout, 5xx, {@code internal_error}: Slack may have carried the call out) is not retried here but
     * thrown at once (transient), so that a call that is not idempotent ({@code chat.postMessage}) is never repeated
     * blindly: the caller first checks whether it took effect. HTTP 429 is still waited for and retried (Slack did
     * not carry the call out).
     */
    public <T extends SlackApiTextResponse> T call(SlackAction action, String channelId, Set<String> expectedErrors,
                                                   boolean retryUncertain, Attempt<T> attempt) {
        if (tracer == Tracer.NOOP) {
            return call(action, channelId, expectedErrors, retryUncertain, attempt, Span.NOOP);
        }
        Span.Builder b = tracer.spanBuilder().name("slack " + action.method()).kind(Span.Kind.CLIENT)
                .remoteServiceName("slack").tag("slack.method", action.method());
        if (channelId != null) {
            b.tag("slackmgr.channel_id", channelId);
        }
        Span current = tracer.currentSpan();
        if (current != null) {
            b.setParent(current.context());
        }
        Span span = b.start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            T response = call(action, channelId, expectedErrors, retryUncertain, attempt, span);
            if (!response.isOk()) {
                span.tag("slack.error", String.valueOf(response.getError()));
            }
            return response;
        } catch (SlackCallException e) {
            span.tag("slack.error", String.valueOf(e.errorCode()));
            span.error(e);
            throw e;
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private <T extends SlackApiTextResponse> T call(SlackAction action, String channelId, Set<String> expectedErrors,
                                                    boolean retryUncertain, Attempt<T> attempt, Span span) {
        long started = clock.millis();
        int attemptNo = 1;
        while (true) {
            awaitGate(action, started);
            pace(action, channelId);
            Exception error = null;
            T response = null;
            try {
                bulkhead.acquirePermission();
            } catch (BulkheadFullException e) {
                throw new SlackCallException(action.label(), "concurrency_limit", true, e);
            }
            long t0 = System.nanoTime();
            try {
                response = attempt.call();
            } catch (IOException | SlackApiException e) {
                error = e;
            } finally {
                bulkhead.onComplete();
                metrics.callDuration(action, Duration.ofNanos(System.nanoTime() - t0));
            }
            SlackFailure failure;
            if (response != null) {
                if (response.isOk() || expectedErrors.contains(response.getError())) {
                    if (attemptNo > 1) {
                        span.tag("slack.attempts", Integer.toString(attemptNo));
                    }
                    return response;
                }
                failure = SlackFailure.ofErrorCode(response.getError());
            } else {
                failure = SlackFailure.ofException(error);
            }
            metrics.error(action, failure);
            if (!retryUncertain && failure instanceof SlackFailure.Transient) {
                log.info("Slack {} failed with {}; not retried here, it may have taken effect", action.label(),
                        failure.code());
                throw new SlackCallException(action.label(), failure.code(), true, error);
            }
            span.event("slack.retry " + failure.code());
            sleep(action, retryWait(action, failure, attemptNo, started, error));
            metrics.retry(action, failure);
            attemptNo++;
        }
    }

    /** How long to wait before the next attempt; throws when the call must end. */
    private Duration retryWait(SlackAction action, SlackFailure failure, int attemptNo, long started, Exception cause) {
        Duration elapsed = Duration.ofMillis(clock.millis() - started);
        if (failure instanceof SlackFailure.RateLimited rl) {
            Duration budget = settings.maxRateLimitErrorWait().minus(elapsed);
            if (attemptNo >= settings.maxAttemptsForRateLimitError() || budget.compareTo(MIN_BUDGET) < 0) {
                throw finalFailure(action, failure, attemptNo, elapsed, cause);
            }
            metrics.rateLimited(rl.retryAfter());
            Duration window = rl.retryAfter().plus(settings.rateLimitExtraWait());
            try {
                gate.signal(clock.instant().plus(window));
            } catch (RuntimeException e) {
                log.warn("cannot signal the Slack rate-limit gate: {}", e.toString());
            }
            Duration wait = min(window.plus(jitter()), budget);
            log.info("Slack {} rate limited (attempt {}), waiting {} ms", action.label(), attemptNo, wait.toMillis());
            return wait;
        }
        if (failure instanceof SlackFailure.Transient) {
            Duration budget = settings.maxTransientErrorWait().minus(elapsed);
            if (attemptNo >= settings.maxAttemptsForTransientError() || budget.compareTo(MIN_BUDGET) < 0) {
                throw finalFailure(action, failure, attemptNo, elapsed, cause);
            }
            Duration wait = min(Duration.ofMillis(backoff.apply(attemptNo)), budget);
            log.debug("Slack {} failed with {} (attempt {}), retrying in {} ms", action.label(), failure.code(),
                    attemptNo, wait.toMillis());
            return wait;
        }
        throw new SlackCallException(action.label(), failure.code(), false, cause);
    }

    private SlackCallException finalFailure(SlackAction action, SlackFailure failure, int attempts, Duration elapsed,
                                            Exception cause) {
        log.warn("Slack {} failed with {} after {} attempts in {} s", action.label(), failure.code(), attempts,
                elapsed.toSeconds());
        return new SlackCallException(action.label(), failure.code(), true, cause);
    }

    private void awaitGate(SlackAction action, long started) {
        Duration budget = settings.maxRateLimitErrorWait().minus(Duration.ofMillis(clock.millis() - started));
        try {
            if (!gate.await(budget.isNegative() ? Duration.ZERO : budget)) {
                throw new SlackCallException(action.label(), "rate_limit_gate", true, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallException(action.label(), "interrupted", true, e);
        }
    }

    /**
     * Takes a pacing slot for one call of {@code action} if one is free right now and the rate-limit gate is open;
     * the next call of that action on this thread then uses it instead of waiting (within a second). Lets a caller
     * that holds a lock do only the calls that need no waiting.
     *
     * @return zero when reserved, else roughly how long until a slot is free (nothing reserved then)
     */
    public Duration reserveNow(SlackAction action, String channelId) {
        try {
            if (gate.isBlocked()) {
                return GATE_RECHECK;
            }
        } catch (RuntimeException e) {
            log.debug("rate-limit gate unreadable, treating it as open: {}", e.toString());
        }
        Duration wait = pacer.reserve(action, channelId, Duration.ZERO);
        if (wait == null) {
            return pacer.waitTime(action, channelId);
        }
        prepaid.get().put(action, System.nanoTime());
        return Duration.ZERO;
    }

    private void pace(SlackAction action, String channelId) {
        Long reservedAt = prepaid.get().remove(action);
        if (reservedAt != null && System.nanoTime() - reservedAt < PREPAID_VALIDITY_NANOS) {
            return;
        }
        Duration wait = pacer.reserve(action, channelId, settings.maxRateLimitErrorWait());
        if (wait == null) {
            throw new SlackCallException(action.label(), "paced", true, null);
        }
        if (!wait.isZero()) {
            metrics.pacingWait(action, wait);
            sleep(action, wait);
        }
    }

    private static void sleep(SlackAction action, Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallException(action.label(), "interrupted", true, e);
        }
    }

    private Duration jitter() {
        long max = settings.maxJitter().toMillis();
        return max <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(max));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
