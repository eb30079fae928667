package dev.slackmgr.manager.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Proactive pacing of Slack calls with token buckets ({@link SlackClientSettings.Pacing}): one bucket per channel
 * for {@code chat.postMessage}, one for each other method. With {@link RedisTokenBucket}s (the default when the
 * manager has Redis) the buckets are shared by every manager instance, so N pods together stay within Slack's
 * limits; with local ones ({@link Pace.Factory#local()}) each process has its own. Buckets of idle channels are
 * dropped from memory after ten minutes.
 */
public final class SlackPacer {
    private final SlackClientSettings.Pacing pacing;
    private final Pace.Factory factory;
    private final Map<SlackAction, Pace> perMethod = new EnumMap<>(SlackAction.class);
    private final Cache<String, Pace> postPerChannel;

    /** Buckets of this process only. */
    public SlackPacer(SlackClientSettings.Pacing pacing) {
        this(pacing, Pace.Factory.local());
    }

    SlackPacer(SlackClientSettings.Pacing pacing, Pace.Factory factory) {
        this.pacing = pacing;
        this.factory = factory;
        method(SlackAction.CHAT_UPDATE, pacing.chatUpdate());
        method(SlackAction.CHAT_DELETE, pacing.chatDelete());
        method(SlackAction.CONVERSATIONS_HISTORY, pacing.conversationsHistory());
        method(SlackAction.CONVERSATIONS_REPLIES, pacing.conversationsReplies());
        method(SlackAction.CONVERSATIONS_INFO, pacing.conversationsInfo());
        postPerChannel = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    private void method(SlackAction action, SlackClientSettings.Rate rate) {
        perMethod.put(action, factory.create(action.label(), rate));
    }

    /**
     * Reserves a slot for one call.
     *
     * @return how long to wait before calling, or {@code null} when the slot is further away than {@code maxWait}
     */
    public Duration reserve(SlackAction action, String channelId, Duration maxWait) {
        if (!pacing.enabled()) {
            return Duration.ZERO;
        }
        Pace bucket = bucket(action, channelId);
        return bucket == null ? Duration.ZERO : bucket.reserve(maxWait);
    }

    /** How long until a slot for one call is free (zero: now); reserves nothing. */
    public Duration waitTime(SlackAction action, String channelId) {
        if (!pacing.enabled()) {
            return Duration.ZERO;
        }
        Pace bucket = bucket(action, channelId);
        return bucket == null ? Duration.ZERO : bucket.waitTime();
    }

    private Pace bucket(SlackAction action, String channelId) {
        return action == SlackAction.CHAT_POST
                ? postPerChannel.get(channelId == null ? "" : channelId,
                c -> factory.create(SlackAction.CHAT_POST.label() + ":" + c, pacing.chatPostMessage()))
                : perMethod.get(action);
    }
}
