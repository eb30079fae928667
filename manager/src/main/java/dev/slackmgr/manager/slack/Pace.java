package dev.slackmgr.manager.slack;

import java.time.Duration;

/** One pacing budget: a local {@link TokenBucket} or one shared by every manager ({@link RedisTokenBucket}). */
interface Pace {
    /**
     * Reserves one call if its slot is within {@code maxWait}.
     *
     * @return how long to wait before calling, or {@code null} when the slot is further away (nothing reserved)
     */
    Duration reserve(Duration maxWait);

    /** How long until a slot is free (zero: now); reserves nothing. */
    Duration waitTime();

    /** Makes the budget of one pacing key (a method, or {@code chat.postMessage} of one channel). */
    @FunctionalInterface
    interface Factory {
        Pace create(String key, SlackClientSettings.Rate rate);

        /** Buckets of this process only. */
        static Factory local() {
            return (key, rate) -> new TokenBucket(rate);
        }
    }
}
