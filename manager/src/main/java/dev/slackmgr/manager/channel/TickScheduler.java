package dev.slackmgr.manager.channel;

import dev.slackmgr.manager.store.IssueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Drives the timers of every active channel: each round (every processing interval) it runs one
 * {@link ChannelProcessor#tick} per channel that has open issues in the database or received an alert since.
 * Several manager pods may run it: the channel lock and the stored {@code lastProcessed} time make sure a channel
 * is processed once per interval across all of them.
 */
public final class TickScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TickScheduler.class);

    private final ChannelProcessor processor;
    private final IssueStore store;
    private final Supplier<Duration> interval;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "slackmgr-ticks");
        t.setDaemon(true);
        return t;
    });

    private final java.util.function.Consumer<String> postSyncRequests;

    /** @param postSyncRequests called each round with every channel that has owed Slack writes (any pod's) */
    public TickScheduler(ChannelProcessor processor, IssueStore store, Supplier<Duration> interval,
                         java.util.function.Consumer<String> postSyncRequests) {
        this.processor = processor;
        this.postSyncRequests = postSyncRequests;
        this.store = store;
        this.interval = interval;
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close() drops the next round
    }

    public void start() {
        timer.schedule(this::loop, 1, TimeUnit.SECONDS);
    }

    /** Marks a channel as active (it just received an alert or command). */
    public void activate(String channelId) {
        active.add(channelId);
    }

    /** One round over all active channels; public for tests that drive time themselves. */
    public void round() {
        try {
            active.addAll(store.findActiveChannels());
            // owed writes left by a pod that stopped, or waiting for a transient failure to pass
            store.findChannelsWithPendingPosts().forEach(postSyncRequests);
        } catch (RuntimeException e) {
            log.warn("Cannot list active channels: {}", e.getMessage());
        }
        for (String channel : Set.copyOf(active)) {
            if (timer.isShutdown()) {
                return;
            }
            try {
                if (processor.tick(channel) == 0) {
                    active.remove(channel);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Processing cycle of channel {} failed: {}", channel, e.getMessage());
            }
        }
    }

    private void loop() {
        round();
        if (!timer.isShutdown()) {
            timer.schedule(this::loop, interval.get().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Graceful stop: a running cycle finishes its current channel (releasing its channel lock while Redis is still
     * connected) and starts no other; after 10 s it is interrupted.
     */
    @Override
    public void close() {
        timer.shutdown();
        PostSyncScheduler.awaitStop(timer, log, "Processing cycle");
    }
}
