package dev.slackmgr.manager.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link PostSyncer} of every channel with owed Slack writes: at once when a commit leaves some
 * ({@link #request}), again when the syncer says a rate-limit slot will be free, and with a growing backoff
 * (up to 30 s) after transient failures. One run per channel at a time in this process; a request during a run
 * makes it run again right after.
 */
public final class PostSyncScheduler implements AutoCloseable, java.util.function.Consumer<String> {
    private static final Logger log = LoggerFactory.getLogger(PostSyncScheduler.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final PostSyncer syncer;
    private final ScheduledThreadPoolExecutor executor;
    private final Map<String, Channel> channels = new HashMap<>();

    /** Scheduling state of one channel (guarded by the scheduler). */
    private static final class Channel {
        boolean running;
        boolean again;
        ScheduledFuture<?> next;
        long nextAtNanos;
        Duration backoff = MIN_BACKOFF;
    }

    /** @param threads channels synced in parallel (each call also holds a Slack concurrency permit) */
    public PostSyncScheduler(PostSyncer syncer, int threads) {
        this.syncer = syncer;
        this.executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "slackmgr-post-sync");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** The channel has (new) owed writes: sync it now. */
    public void request(String channel) {
        schedule(channel, Duration.ZERO);
    }

    @Override
    public void accept(String channel) {
        request(channel);
    }

    private synchronized void schedule(String channel, Duration delay) {
        if (executor.isShutdown()) {
            return;
        }
        Channel c = channels.computeIfAbsent(channel, k -> new Channel());
        if (c.running) {
            if (delay.isZero()) {
                c.again = true;
            }
            return;
        }
        long at = System.nanoTime() + delay.toNanos();
        if (c.next != null && !c.next.isDone()) {
            if (c.nextAtNanos <= at) {
                return;
            }
            c.next.cancel(false);
        }
        c.nextAtNanos = at;
        c.next = executor.schedule(() -> run(channel), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void run(String channel) {
        Channel c;
        synchronized (this) {
            c = channels.get(channel);
            if (c == null || c.running) {
                return;
            }
            c.running = true;
            c.again = false;
            c.next = null;
        }
        Duration next;
        try {
            next = syncer.sync(channel);
            c.backoff = MIN_BACKOFF;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            next = c.backoff;
            log.warn("Slack sync of channel {} failed, retrying in {} ms: {}", channel, next.toMillis(), e.toString());
            Duration doubled = c.backoff.multipliedBy(2);
            c.backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
        }
        synchronized (this) {
            c.running = false;
            if (c.again) {
                next = Duration.ZERO;
            }
            if (next == null) {
                channels.remove(channel);
                return;
            }
        }
        schedule(channel, next);
    }

    /** Channels waiting for a sync (for tests and metrics). */
    public synchronized int pendingChannels() {
        return channels.size();
    }

    /**
     * Graceful stop: syncs already running finish (and release their channel locks while Redis is still
     * connected – the connection beans are closed after this), queued and delayed ones are dropped (another manager
     * makes those writes: they are in {@code pending_posts}). After 10 s the running ones are interrupted.
     */
    @Override
    public void close() {
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.shutdown();
        awaitStop(executor, log, "Slack sync");
    }

    static void awaitStop(java.util.concurrent.ExecutorService executor, Logger log, String what) {
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("{} still running 10 s after shutdown began; interrupting it", what);
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
