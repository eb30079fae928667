package dev.slackmgr.manager.slack;

import java.time.Duration;
import java.time.Instant;

/**
 * A global pause of Slack work after Slack answered HTTP 429 (queue-and-locks.md §6). The Slack client signals it
 * on every 429 it retries; every Slack call (and any caller that wants to hold back work) waits on it first.
 */
public interface RateLimitGate {

    /** Closes the gate until {@code until}; extend-only (an earlier deadline never shortens a later one). */
    void signal(Instant until);

    /** True while the gate is closed. Implementations backed by a remote store may throw when it is unreachable. */
    boolean isBlocked();

    /**
     * Blocks while the gate is closed, at most {@code maxWait}. A gate whose store is unreachable counts as open
     * (fail open).
     *
     * @return true when the gate is open, false when {@code maxWait} passed first
     * @throws InterruptedException when the waiting thread is interrupted
     */
    boolean await(Duration maxWait) throws InterruptedException;
}
