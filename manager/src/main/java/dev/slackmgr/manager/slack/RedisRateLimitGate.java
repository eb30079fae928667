package dev.slackmgr.manager.slack;

import dev.slackmgr.common.queue.redis.LuaScript;
import dev.slackmgr.common.queue.redis.QueueConnection;
import io.lettuce.core.ScriptOutputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link RateLimitGate} shared by every manager instance through one Redis key (queue-and-locks.md §6.3): the
 * value is the deadline in Unix milliseconds, written by an extend-only compare-and-set with {@code PX} so the key
 * expires exactly when the window closes. Works on standalone, Sentinel and Cluster ({@link QueueConnection}).
 * Redis errors never block Slack work: {@link #signal} only logs them and {@link #await} treats them as open.
 */
public final class RedisRateLimitGate implements RateLimitGate {
    private static final Logger log = LoggerFactory.getLogger(RedisRateLimitGate.class);
    private static final LuaScript EXTEND = new LuaScript("""
            local current = redis.call('GET', KEYS[1])
            if current == false or tonumber(current) == nil or tonumber(current) < tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            return 0
            """, ScriptOutputType.INTEGER);

    private final QueueConnection redis;
    private final String key;
    private final Duration pollInterval;
    private final Clock clock;
    private final RateLimitGateMetrics metrics;

    /**
     * @param key          e.g. {@link SlackClientSettings#DEFAULT_GATE_KEY}
     * @param pollInterval how often a closed gate is re-read (extensions by other instances are noticed then)
     */
    public RedisRateLimitGate(QueueConnection redis, String key, Duration pollInterval, Clock clock,
                              RateLimitGateMetrics metrics) {
        this.redis = redis;
        this.key = key;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void signal(Instant until) {
        long deadline = until.toEpochMilli();
        long ttl = deadline - clock.millis();
        if (ttl <= 0) {
            return;
        }
        try {
            EXTEND.run(redis, new String[]{key}, Long.toString(deadline), Long.toString(ttl));
            metrics.signalled();
        } catch (RuntimeException e) {
            log.warn("cannot signal the Slack rate-limit gate in Redis: {}", e.toString());
        }
    }

    @Override
    public boolean isBlocked() {
        return clock.millis() < deadline();
    }

    /** The deadline in Unix ms (0 when open); throws on Redis errors or an unparsable value. */
    private long deadline() {
        String value = redis.sync().get(key);
        return value == null ? 0 : Long.parseLong(value.trim());
    }

    @Override
    public boolean await(Duration maxWait) throws InterruptedException {
        long start = clock.millis();
        long giveUp = start + maxWait.toMillis();
        boolean waited = false;
        try {
            while (true) {
                long now = clock.millis();
                long deadline = deadline();
                if (now >= deadline) {
                    return true;
                }
                if (now >= giveUp) {
                    return false;
                }
                waited = true;
                Thread.sleep(Math.max(1, Math.min(Math.min(deadline, giveUp) - now, pollInterval.toMillis())));
            }
        } catch (RuntimeException e) {
            log.info("Slack rate-limit gate unreadable in Redis, not waiting: {}", e.toString());
            return true;
        } finally {
            if (waited) {
                metrics.blocked(Duration.ofMillis(clock.millis() - start));
            }
        }
    }
}
