package dev.slackmgr.manager.channel;

import dev.slackmgr.manager.slack.SlackCallException;
import dev.slackmgr.manager.store.StoreUnavailableException;
import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Retries a processing step while the failure is in our infrastructure (database or Slack unreachable, channel
 * lock busy, issue moved meanwhile), with exponential backoff and no attempt limit: an outage pauses the channel
 * instead of dead-lettering its messages. Any other exception is rethrown at once (the queue counts it).
 */
public final class InfraRetry {
    private static final Logger log = LoggerFactory.getLogger(InfraRetry.class);

    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public InfraRetry(Duration initialBackoff, Duration maxBackoff) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** A step that may fail transiently. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws InterruptedException;
    }

    public <T> T run(String what, Step<T> step) throws InterruptedException {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return step.run();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                log.warn("{}: attempt {} failed ({}); retrying in {} ms", what, attempt, e.getMessage(),
                        backoff.toMillis());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    static boolean isTransient(RuntimeException e) {
        return e instanceof StoreUnavailableException
                || (e instanceof SlackCallException s && s.transientFailure())
                || e instanceof ChannelLocks.LockUnavailableException
                || e instanceof ChannelProcessor.MoveRaceException
                || e instanceof RedisException;
    }
}
