package dev.slackmgr.manager.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Proactive pacing of Slack calls with token buckets ({@link SlackClientSettings.Pacing}): one bucket per channel
 * for {@code chat.postMessage}, one per process for each other method. Buckets of idle channels are dropped after
 * ten minutes. The rate limits are per process: N manager pods together may send N times as much.
 */
public final class SlackPacer {
    private final SlackClientSettings.Pacing pacing;
    private final Map<SlackAction, TokenBucket> perMethod = new EnumMap<>(SlackAction.class);
    private final Cache<String, TokenBucket> postPerChannel;

    public SlackPacer(SlackClientSettings.Pacing pacing) {
        this.pacing = pacing;
        perMethod.put(SlackAction.CHAT_UPDATE, new TokenBucket(pacing.chatUpdate()));
        perMethod.put(SlackAction.CHAT_DELETE, new TokenBucket(pacing.chatDelete()));
        perMethod.put(SlackAction.CONVERSATIONS_HISTORY, new TokenBucket(pacing.conversationsHistory()));
        perMethod.put(SlackAction.CONVERSATIONS_REPLIES, new TokenBucket(pacing.conversationsReplies()));
        perMethod.put(SlackAction.CONVERSATIONS_INFO, new TokenBucket(pacing.conversationsInfo()));
        postPerChannel = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();
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
        TokenBucket bucket = bucket(action, channelId);
        return bucket == null ? Duration.ZERO : bucket.reserve(maxWait);
    }

    /** How long until a slot for one call is free (zero: now); reserves nothing. */
    public Duration waitTime(SlackAction action, String channelId) {
        if (!pacing.enabled()) {
            return Duration.ZERO;
        }
        TokenBucket bucket = bucket(action, channelId);
        return bucket == null ? Duration.ZERO : bucket.waitTime();
    }

    private TokenBucket bucket(SlackAction action, String channelId) {
        return action == SlackAction.CHAT_POST
                ? postPerChannel.get(channelId == null ? "" : channelId, c -> new TokenBucket(pacing.chatPostMessage()))
                : perMethod.get(action);
    }
}
