package dev.slackmgr.manager.slack;

import dev.slackmgr.common.queue.redis.LuaScript;
import dev.slackmgr.common.queue.redis.QueueConnection;
import io.lettuce.core.ScriptOutputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A pacing budget shared by every manager instance through one Redis key: the generic cell rate algorithm (GCRA)
 * keeps the "theoretical arrival time" of the next call, in microseconds of Redis's own clock ({@code TIME}, so the
 * pods' clocks do not matter). Like {@link TokenBucket} it lets {@code burst} calls start at once and then one per
 * {@code 1 / rate}, so at most {@code burst + rate × t} calls in any interval {@code t} – for all pods together.
 * When Redis cannot answer, the call is paced by a local bucket of the same rate instead: Slack work never waits
 * for Redis.
 */
final class RedisTokenBucket implements Pace {
    private static final Logger log = LoggerFactory.getLogger(RedisTokenBucket.class);
    /** ARGV: interval µs, burst, max wait µs (-1: only tell the wait). Returns the wait in µs, -1 if beyond max. */
    private static final LuaScript RESERVE = new LuaScript("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local interval = tonumber(ARGV[1])
            local tolerance = interval * (tonumber(ARGV[2]) - 1)
            local tat = tonumber(redis.call('GET', KEYS[1]) or now) or now
            if tat < now then tat = now end
            local wait = tat - tolerance - now
            if wait < 0 then wait = 0 end
            if ARGV[3] == '-1' then return wait end
            if wait > tonumber(ARGV[3]) then return -1 end
            local nextTat = tat + interval
            redis.call('SET', KEYS[1], string.format('%d', nextTat), 'PX', math.floor((nextTat - now) / 1000) + 1000)
            return wait
            """, ScriptOutputType.INTEGER);

    private final QueueConnection redis;
    private final String key;
    private final String intervalMicros;
    private final String burst;
    private final TokenBucket fallback;

    RedisTokenBucket(QueueConnection redis, String key, SlackClientSettings.Rate rate) {
        this.redis = redis;
        this.key = key;
        this.intervalMicros = Long.toString(Math.max(1, Math.round(1_000_000 / rate.perSecond())));
        this.burst = Integer.toString(rate.burst());
        this.fallback = new TokenBucket(rate);
    }

    /** Buckets under {@code prefix} in Redis. */
    static Pace.Factory factory(QueueConnection redis, String prefix) {
        return (key, rate) -> new RedisTokenBucket(redis, prefix + key, rate);
    }

    @Override
    public Duration reserve(Duration maxWait) {
        Long wait = run(Long.toString(maxWait.toNanos() / 1000));
        if (wait == null) {
            return fallback.reserve(maxWait);
        }
        return wait < 0 ? null : Duration.ofNanos(wait * 1000);
    }

    @Override
    public Duration waitTime() {
        Long wait = run("-1");
        return wait == null ? fallback.waitTime() : Duration.ofNanos(wait * 1000);
    }

    private Long run(String maxWaitMicros) {
        try {
            return RESERVE.run(redis, new String[]{key}, intervalMicros, burst, maxWaitMicros);
        } catch (RuntimeException e) {
            log.warn("Slack pacing budget {} in Redis unavailable, pacing locally: {}", key, e.toString());
            return null;
        }
    }
}
