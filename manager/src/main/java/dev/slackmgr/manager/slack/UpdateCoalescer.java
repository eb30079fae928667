package dev.slackmgr.manager.slack;

import dev.slackmgr.manager.post.PostContent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latest-wins {@code chat.update} per post: at most one update of a post ({@code channel}, {@code ts}) is in
 * flight; content submitted meanwhile replaces any content still waiting, so while Slack calls are slow or paused
 * (429 gate, pacing) a post that changes ten times is updated once or twice with its latest content, not ten
 * times.
 *
 * <p>{@link #submit} returns a future that completes when content at least as new as the submitted one has been
 * sent (or completes exceptionally with the {@link SlackCallException} of the send that carried it); a caller
 * that must know the post is current before going on (e.g. before releasing a channel lock) joins it, and
 * {@link #flush()} waits for everything submitted so far.
 */
public final class UpdateCoalescer implements AutoCloseable {
    private final SlackGateway gateway;
    private final Executor executor;
    private final ExecutorService owned;
    private final Map<PostKey, Slot> slots = new HashMap<>();

    private record PostKey(String channelId, String ts) {
    }

    /** State of one post: the content waiting to be sent, who waits for it, and whether a sender runs. */
    private static final class Slot {
        PostContent pending;
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        final List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        boolean sending;
    }

    /**
     * @param executor runs the sends (one task per post with pending content); the gateway's own concurrency
     *                 limit bounds the HTTP calls
     */
    public UpdateCoalescer(SlackGateway gateway, Executor executor) {
        this.gateway = gateway;
        this.executor = executor;
        this.owned = null;
    }

    /**
     * A coalescer running its sends on up to {@code threads} own daemon threads ({@code slack-update-N}), stopped
     * by {@link #close}. Posts beyond that wait in a queue, where their content keeps being replaced by newer
     * submissions, so a bounded pool coalesces even more under load.
     */
    public UpdateCoalescer(SlackGateway gateway, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "slack-update-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.gateway = gateway;
        this.owned = pool;
        this.executor = pool;
    }

    /** Stops the own threads, if any (sends in progress finish). */
    @Override
    public void close() {
        if (owned != null) {
            owned.shutdown();
        }
    }

    /** Queues {@code content} as the next content of the post, replacing content not yet sent. */
    public CompletableFuture<Void> submit(String channelId, String ts, PostContent content) {
        PostKey key = new PostKey(channelId, ts);
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean start;
        synchronized (slots) {
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            slot.pending = content;
            slot.waiters.add(done);
            start = !slot.sending;
            slot.sending = true;
        }
        if (start) {
            executor.execute(() -> drain(key));
        }
        return done;
    }

    /** Completes when every update submitted before this call has been sent or has failed. */
    public CompletableFuture<Void> flush() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        synchronized (slots) {
            for (Slot s : slots.values()) {
                all.addAll(s.waiters);
                all.addAll(s.inFlight);
            }
        }
        return CompletableFuture.allOf(all.stream()
                .map(f -> f.handle((v, e) -> (Void) null))
                .toArray(CompletableFuture[]::new));
    }

    /** Number of posts with an update waiting or in flight. */
    public int pendingPosts() {
        synchronized (slots) {
            return slots.size();
        }
    }

    private void drain(PostKey key) {
        Batch batch;
        synchronized (slots) {
            batch = take(slots.get(key));
        }
        while (batch != null) {
            RuntimeException failure = null;
            try {
                gateway.updateMessage(key.channelId(), key.ts(), batch.content());
            } catch (RuntimeException e) {
                failure = e;
            }
            Batch next;
            synchronized (slots) {
                Slot slot = slots.get(key);
                slot.inFlight.clear();
                next = slot.pending == null ? null : take(slot);
                if (next == null) {
                    slots.remove(key);
                }
            }
            for (CompletableFuture<Void> w : batch.waiters()) {
                if (failure == null) {
                    w.complete(null);
                } else {
                    w.completeExceptionally(failure);
                }
            }
            batch = next;
        }
    }

    /** The content to send next and who waits for it. */
    private record Batch(PostContent content, List<CompletableFuture<Void>> waiters) {
    }

    /** Moves the slot's pending content into flight; the caller holds the lock. */
    private static Batch take(Slot slot) {
        Batch b = new Batch(slot.pending, slot.waiters);
        slot.pending = null;
        slot.waiters = new ArrayList<>();
        slot.inFlight.addAll(b.waiters());
        return b;
    }
}
