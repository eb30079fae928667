package dev.slackmgr.common.queue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class QueueLatencyTest extends QueueTestSupport {

    @Test
    void idleConsumerPicksUpABrandNewChannelWithoutWaitingForASweep() throws Exception {
        // sweeps and index refreshes far away: only the notification can deliver the message in time
        QueueOptions slowPolling = options.withSweepInterval(Duration.ofMinutes(5))
                .withStreamRefreshInterval(Duration.ofMinutes(5));
        CountDownLatch got = new CountDownLatch(1);
        consumer("alerts", slowPolling, m -> got.countDown());
        Thread.sleep(1200); // idle: the notification read is blocked longer than one block timeout

        long start = System.nanoTime();
        new RedisStreamQueueProducer(connection, "alerts", slowPolling).send("CNEW", List.of("hello"));
        assertThat(got.await(2, TimeUnit.SECONDS)).as("picked up within 2 s").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
}
