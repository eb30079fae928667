package dev.slackmgr.common.testing.slack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection and optional rate-limit enforcement of the {@link FakeSlack}: scripted HTTP 429 / 5xx answers
 * or dropped connections for the next N calls of a method, added latency, and sliding-window limits (per method per minute, per method
 * and channel per second) answered with HTTP 429 and {@code Retry-After} like Slack does.
 */
final class FakeFaults {
    /**
     * An HTTP-level rejection instead of a normal answer. {@link #DROP_BEFORE} and {@link #DROP_AFTER} are not HTTP
     * statuses: the connection is closed without an answer, before or after the call took effect.
     */
    record Rejection(int status, long retryAfterSeconds) {
        static final int DROP_BEFORE = -1;
        static final int DROP_AFTER = -2;

        boolean drop() {
            return status < 0;
        }
    }

    private record Scripted(int remaining, Rejection rejection) {
    }

    private record Limit(int permits, Duration window) {
    }

    private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Limit> methodLimits = new ConcurrentHashMap<>();
    private final Map<String, Limit> channelLimits = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rejected = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;

    synchronized void script(String method, int times, Rejection rejection) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).addLast(new Scripted(times, rejection));
    }

    void latency(Duration latency) {
        this.latency = latency;
    }

    Duration latency() {
        return latency;
    }

    void limitPerMinute(String method, int permits) {
        methodLimits.put(method, new Limit(permits, Duration.ofMinutes(1)));
    }

    void limitPerChannelPerSecond(String method, int permits) {
        channelLimits.put(method, new Limit(permits, Duration.ofSeconds(1)));
    }

    synchronized void clear() {
        scripted.clear();
        methodLimits.clear();
        channelLimits.clear();
        windows.clear();
        rejected.clear();
        latency = Duration.ZERO;
    }

    int rejectedCount(String method, int status) {
        AtomicInteger n = rejected.get(method + "#" + status);
        return n == null ? 0 : n.get();
    }

    /** The rejection for this call, if any; a call that passes consumes a slot of each enforced window. */
    synchronized Optional<Rejection> check(String method, String channel) {
        Optional<Rejection> r = scriptedRejection(method)
                .or(() -> windowRejection(methodLimits.get(method), method))
                .or(() -> windowRejection(channelLimits.get(method), method + "@" + channel));
        r.ifPresent(x -> rejected.computeIfAbsent(method + "#" + x.status(), k -> new AtomicInteger()).incrementAndGet());
        if (r.isEmpty()) {
            long now = System.nanoTime();
            if (methodLimits.containsKey(method)) {
                windows.computeIfAbsent(method, k -> new ArrayDeque<>()).addLast(now);
            }
            if (channelLimits.containsKey(method)) {
                windows.computeIfAbsent(method + "@" + channel, k -> new ArrayDeque<>()).addLast(now);
            }
        }
        return r;
    }

    private Optional<Rejection> scriptedRejection(String method) {
        Deque<Scripted> q = scripted.get(method);
        if (q == null || q.isEmpty()) {
            return Optional.empty();
        }
        Scripted head = q.pollFirst();
        if (head.remaining() > 1) {
            q.addFirst(new Scripted(head.remaining() - 1, head.rejection()));
        }
        return Optional.of(head.rejection());
    }

    private Optional<Rejection> windowRejection(Limit limit, String key) {
        if (limit == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Deque<Long> w = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!w.isEmpty() && now - w.peekFirst() >= limit.window().toNanos()) {
            w.pollFirst();
        }
        if (w.size() < limit.permits()) {
            return Optional.empty();
        }
        long waitNanos = limit.window().toNanos() - (now - w.peekFirst());
        return Optional.of(new Rejection(429, Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000)));
    }
}
