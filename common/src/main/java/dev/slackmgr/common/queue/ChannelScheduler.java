package dev.slackmgr.common.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the work of one channel at most once at a time in this process, and never loses a wake-up: a wake-up
 * that arrives while the channel is being worked on makes it run again afterwards.
 */
final class ChannelScheduler {
    private static final Logger log = LoggerFactory.getLogger(ChannelScheduler.class);
    private static final int IDLE = 0;
    private static final int QUEUED = 1;
    private static final int RUNNING = 2;
    private static final int DIRTY = 3;

    /** What a run asks for next. */
    sealed interface Next permits Done, Again, Later {
    }

    /** Nothing more to do until the next wake-up. */
    record Done() implements Next {
    }

    /** Run again at once (more entries may be waiting). */
    record Again() implements Next {
    }

    /** Run again after a delay. */
    record Later(long delayMillis) implements Next {
    }

    static final Next DONE = new Done();
    static final Next AGAIN = new Again();

    private final Map<String, AtomicInteger> states = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Function<String, Next> work;

    ChannelScheduler(ExecutorService workers, ScheduledExecutorService timer, Function<String, Next> work) {
        this.workers = workers;
        this.timer = timer;
        this.work = work;
    }

    void wake(String channel) {
        AtomicInteger state = states.computeIfAbsent(channel, c -> new AtomicInteger(IDLE));
        while (true) {
            int s = state.get();
            if (s == IDLE) {
                if (state.compareAndSet(IDLE, QUEUED)) {
                    submit(channel, state);
                    return;
                }
            } else if (s == RUNNING) {
                if (state.compareAndSet(RUNNING, DIRTY)) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    void forget(String channel) {
        states.computeIfPresent(channel, (c, s) -> s.get() == IDLE ? null : s);
    }

    private void submit(String channel, AtomicInteger state) {
        try {
            workers.execute(() -> run(channel, state));
        } catch (RejectedExecutionException e) {
            state.set(IDLE);
        }
    }

    private void run(String channel, AtomicInteger state) {
        state.set(RUNNING);
        Next next;
        try {
            next = work.apply(channel);
        } catch (RuntimeException | Error e) {
            log.error("channel work failed: channel_id={}", channel, e);
            next = new Later(1000);
        }
        if (next instanceof Again) {
            state.set(QUEUED);
            submit(channel, state);
            return;
        }
        if (!state.compareAndSet(RUNNING, IDLE)) {
            state.set(QUEUED);
            submit(channel, state);
            return;
        }
        if (next instanceof Later later) {
            try {
                timer.schedule(() -> wake(channel), later.delayMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException ignored) {
                // shutting down
            }
        }
    }
}
