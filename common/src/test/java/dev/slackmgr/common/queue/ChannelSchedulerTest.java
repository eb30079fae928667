package dev.slackmgr.common.queue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelSchedulerTest {
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void wakeUpDuringARunCausesExactlyOneMoreRunAndNeverTwoAtOnce() throws Exception {
        CountDownLatch firstRunStarted = new CountDownLatch(1);
        CountDownLatch finishFirstRun = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        ChannelScheduler scheduler = new ChannelScheduler(workers, timer, channel -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                if (runs.incrementAndGet() == 1) {
                    firstRunStarted.countDown();
                    finishFirstRun.await(5, TimeUnit.SECONDS);
                }
                return ChannelScheduler.DONE;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                concurrent.decrementAndGet();
            }
        });

        scheduler.wake("C1");
        assertThat(firstRunStarted.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 10; i++) {
            scheduler.wake("C1"); // all collapse into one pending re-run
        }
        finishFirstRun.countDown();
        Thread.sleep(300);

        assertThat(runs.get()).isEqualTo(2);
        assertThat(maxConcurrent.get()).isEqualTo(1);
    }

    @Test
    void laterRunsAgainAfterTheDelayAndAgainRunsAtOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch fourRuns = new CountDownLatch(4);
        ChannelScheduler scheduler = new ChannelScheduler(workers, timer, channel -> {
            int n = runs.incrementAndGet();
            fourRuns.countDown();
            if (n == 1) {
                return ChannelScheduler.AGAIN;
            }
            if (n == 2) {
                return new ChannelScheduler.Later(50);
            }
            if (n == 3) {
                throw new IllegalStateException("failure is retried later");
            }
            return ChannelScheduler.DONE;
        });
        scheduler.wake("C1");
        assertThat(fourRuns.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(runs.get()).isEqualTo(4);
    }
}
