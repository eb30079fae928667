package dev.slackmgr.manager.channel;

import dev.slackmgr.common.queue.redis.QueueConnection;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The channel processing lock (issue-lifecycle.md §13.5): one holder per channel across all manager pods, so
 * alerts, commands and the periodic cycle of a channel never run concurrently. {@code SET NX PX} with a random
 * token; release deletes the key only while it still holds our token.
 *
 * <p>A release that fails (Redis unreachable) is retried in the background until it succeeds or the lock would
 * have expired anyway, and so is a {@code SET} that failed without an answer (it may have taken the lock): otherwise
 * a short Redis outage would leave the channel locked by a token nobody holds for the whole TTL (5 min by
 * default), and every later alert of the channel would wait for it.
 */
public final class ChannelLocks {
    private static final Logger log = LoggerFactory.getLogger(ChannelLocks.class);
    private static final Duration RELEASE_RETRY = Duration.ofMillis(500);
    private static final ScheduledExecutorService RELEASER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "channel-lock-release");
        t.setDaemon(true);
        return t;
    });
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
        private final long expiresAtNanos;
        private boolean released;

        private Lock(String key, String token, long expiresAtNanos) {
            this.key = key;
            this.token = token;
            this.expiresAtNanos = expiresAtNanos;
        }

        /** Releases the lock; if Redis cannot be reached, keeps trying in the background (never throws). */
        @Override
        public void close() {
            if (!released) {
                released = true;
                release(key, token, expiresAtNanos, true);
            }
        }
    }

    private void release(String key, String token, long expiresAtNanos, boolean first) {
        try {
            redis.sync().eval(RELEASE, ScriptOutputType.INTEGER, new String[]{key}, token);
            if (!first) {
                log.info("Channel lock {} released after Redis came back", key);
            }
        } catch (RuntimeException e) {
            if (System.nanoTime() + RELEASE_RETRY.toNanos() >= expiresAtNanos) {
                return; // it expires by itself before the next attempt
            }
            if (first) {
                log.warn("Channel lock {} not released ({}); retrying every {} ms until it would expire", key,
                        e.getMessage(), RELEASE_RETRY.toMillis());
            }
            RELEASER.schedule(() -> release(key, token, expiresAtNanos, false), RELEASE_RETRY.toMillis(),
                    TimeUnit.MILLISECONDS);
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
            long expiresAt = System.nanoTime() + ttl.toNanos();
            String answer;
            try {
                answer = redis.sync().set(key, token, SetArgs.Builder.nx().px(ttl.toMillis()));
            } catch (RuntimeException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("Currently not connected")) {
                    // sent, but no answer: the SET may have taken the lock
                    release(key, token, expiresAt, true);
                }
                throw e;
            }
            if ("OK".equals(answer)) {
                return new Lock(key, token, expiresAt);
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
