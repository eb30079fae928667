package dev.slackmgr.manager.slack.interactive;

import dev.slackmgr.common.queue.redis.QueueConnection;
import io.lettuce.core.SetArgs;

import java.time.Duration;

/**
 * Webhook button double-click protection (slack-interactions.md §6.3 step 5): a click by the same user on the same
 * (channel, post, webhook) within {@link #WINDOW} of their last accepted one is ignored. Kept in Redis
 * ({@code SET NX PX}), so it holds across instances – the reference's is per process – and per user, so one
 * person's click (perhaps refused later for lack of rights) never swallows another person's.
 */
public final class ClickDebounce {
    static final Duration WINDOW = Duration.ofSeconds(2);

    private final QueueConnection redis;
    private final String keyPrefix;

    public ClickDebounce(QueueConnection redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    /** True when this click is accepted (no accepted click of this user on the same button in the last 2 s). */
    public boolean accept(String channelId, String ts, String webhookId, String userId) {
        return "OK".equals(redis.sync().set(key(channelId, ts, webhookId, userId), "1",
                SetArgs.Builder.nx().px(WINDOW.toMillis())));
    }

    /** Forgets an accepted click that could not be acted on (so an immediate retry is not swallowed). */
    public void release(String channelId, String ts, String webhookId, String userId) {
        redis.sync().del(key(channelId, ts, webhookId, userId));
    }

    private String key(String channelId, String ts, String webhookId, String userId) {
        return keyPrefix + channelId + ":" + ts + ":" + webhookId + ":" + userId;
    }
}
