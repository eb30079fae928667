package dev.slackmgr.manager.channel;

import dev.slackmgr.common.queue.redis.QueueConnection;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * The channel processing lock (issue-lifecycle.md §13.5): one holder per channel across all manager pods, so
 * alerts, commands and the periodic cycle of a channel never run concurrently. {@code SET NX PX} with a random
 * token; release deletes the key only while it still holds our token.
 */
public final class ChannelLocks {
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final QueueConnection redis;
    private final String prefix;
    private final Duration retryEvery;

    /** @param prefix key prefix, e.g. {@code slack-manager:} → {@code slack-manager:channel-lock:C123} */
    public ChannelLocks(QueueConnection redis, String prefix, Duration retryEvery) {
        this.redis = redis;
        this.prefix = prefix;
        this.retryEvery = retryEvery;
    }

    /** A held lock; {@link #close()} releases it (no-op when it already expired or was released). */
    public final class Lock implements AutoCloseable {
        private final String key;
        private final String token;
        private boolean released;

        private Lock(String key, String token) {
            this.key = key;
            this.token = token;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                redis.sync().eval(RELEASE, ScriptOutputType.INTEGER, new String[]{key}, token);
            }
        }
    }

    /**
     * Takes the lock of {@code channelId}, trying again every {@code retryEvery} for at most {@code maxWait}.
     *
     * @throws LockUnavailableException when another holder kept it for the whole wait
     */
    public Lock obtain(String channelId, Duration ttl, Duration maxWait) throws InterruptedException {
        String key = prefix + "channel-lock:" + channelId;
        String token = newToken();
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            if ("OK".equals(redis.sync().set(key, token, SetArgs.Builder.nx().px(ttl.toMillis())))) {
                return new Lock(key, token);
            }
            if (System.nanoTime() + retryEvery.toNanos() > deadline) {
                throw new LockUnavailableException(channelId);
            }
            Thread.sleep(retryEvery.toMillis());
        }
    }

    private static String newToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The channel lock was held by someone else for the whole wait. */
    public static final class LockUnavailableException extends RuntimeException {
        public LockUnavailableException(String channelId) {
            super("channel lock of " + channelId + " unavailable");
        }
    }
}
