package dev.slackmgr.common.queue;

import dev.slackmgr.common.queue.redis.QueueConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the channel locks held by this consumer alive: every {@code lockTtl / 3} each held lock is extended
 * (token-checked). A lock that could not be extended is marked lost; its holder stops after the current message.
 * If this process dies the extensions stop and the lock expires at most {@code lockTtl} later.
 */
final class LockKeeper {
    private static final Logger log = LoggerFactory.getLogger(LockKeeper.class);

    /** One lock hold. */
    static final class Hold {
        final String key;
        final String token;
        volatile boolean lost;
        /** When the lock expires at the latest unless extended again ({@link System#nanoTime()}). */
        volatile long expiresAtNanos;

        Hold(String key, String token, long expiresAtNanos) {
            this.key = key;
            this.token = token;
            this.expiresAtNanos = expiresAtNanos;
        }
    }

    private final Map<String, Hold> held = new ConcurrentHashMap<>();
    private final QueueConnection connection;
    private final long ttlMillis;

    LockKeeper(QueueConnection connection, long ttlMillis) {
        this.connection = connection;
        this.ttlMillis = ttlMillis;
    }

    /** Registers a lock taken just now (its TTL counted from before the take). */
    Hold hold(String key, String token, long takenAtNanos) {
        Hold h = new Hold(key, token, takenAtNanos + ttlMillis * 1_000_000L);
        held.put(key, h);
        return h;
    }

    void drop(Hold h) {
        held.remove(h.key, h);
    }

    void extendAll() {
        for (Hold h : held.values()) {
            try {
                long before = System.nanoTime();
                Long ok = QueueScripts.EXTEND.run(connection, new String[] {h.key}, h.token, Long.toString(ttlMillis));
                if (ok != null && ok != 0L) {
                    h.expiresAtNanos = before + ttlMillis * 1_000_000L;
                }
                if (ok == null || ok == 0L) {
                    h.lost = true;
                    log.error("channel lock lost before release: lock_key={}", h.key);
                }
            } catch (RuntimeException e) {
                log.error("cannot extend channel lock: lock_key={} error={}", h.key, e.toString());
            }
        }
    }
}
