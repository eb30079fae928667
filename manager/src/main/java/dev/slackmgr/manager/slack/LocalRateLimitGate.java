package dev.slackmgr.manager.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A {@link RateLimitGate} in memory: for tests and a single manager instance (queue-and-locks.md §6.4). */
public final class LocalRateLimitGate implements RateLimitGate {
    private final Clock clock;
    private final RateLimitGateMetrics metrics;
    private Instant deadline = Instant.EPOCH;

    public LocalRateLimitGate(Clock clock, RateLimitGateMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public synchronized void signal(Instant until) {
        if (until.isAfter(deadline)) {
            deadline = until;
            notifyAll();
        }
        metrics.signalled();
    }

    @Override
    public synchronized boolean isBlocked() {
        return clock.instant().isBefore(deadline);
    }

    @Override
    public synchronized boolean await(Duration maxWait) throws InterruptedException {
        Instant start = clock.instant();
        if (!start.isBefore(deadline)) {
            return true;
        }
        Instant giveUp = start.plus(maxWait);
        Instant now = start;
        while (now.isBefore(deadline)) {
            if (!now.isBefore(giveUp)) {
                metrics.blocked(Duration.between(start, now));
                return false;
            }
            Instant wakeUp = deadline.isBefore(giveUp) ? deadline : giveUp;
            wait(Math.max(1, Duration.between(now, wakeUp).toMillis()));
            now = clock.instant();
        }
        metrics.blocked(Duration.between(start, now));
        return true;
    }
}
