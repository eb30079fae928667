package dev.slackmgr.manager.slack.interactive;

import dev.slackmgr.common.queue.redis.QueueConnection;
import io.lettuce.core.SetArgs;

import java.time.Duration;

/**
 * "Seen this Slack event already?" across all instances: {@code SET key owner NX EX ttl} in Redis. The owner is
 * whoever applies the event (e.g. the queue entry carrying it), so the same owner asking again after a crash
 * or a retry is still the first, and any other owner is a duplicate.
 */
public final class EventDedupe {
    private final QueueConnection redis;
    private final String keyPrefix;
    private final Duration ttl;

    public EventDedupe(QueueConnection redis, String keyPrefix, Duration ttl) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
    }

    /** True when {@code owner} is the first to claim {@code eventId} (or claimed it before). */
    public boolean claim(String eventId, String owner) {
        String key = keyPrefix + eventId;
        String set = redis.sync().set(key, owner, SetArgs.Builder.nx().ex(ttl.toSeconds()));
        return "OK".equals(set) || owner.equals(redis.sync().get(key));
    }
}
