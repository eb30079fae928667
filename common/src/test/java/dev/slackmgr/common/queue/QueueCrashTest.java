package dev.slackmgr.common.queue;

import dev.slackmgr.common.queue.redis.QueueConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class QueueCrashTest extends QueueTestSupport {

    @Test
    void messageOfACrashedConsumerIsRedeliveredBeforeLaterOnes() throws Exception {
        RedisStreamQueueProducer producer = producer("alerts");
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<String> handledBySurvivor = Collections.synchronizedList(new ArrayList<>());

        QueueConnection deadCommands = connector.connect();
        QueueConnection deadNotifications = connector.connect();
        QueueConsumer dying = new QueueConsumer(deadCommands, deadNotifications, "alerts", options,
                m -> {
                    taken.countDown();
                    never.await(); // the "process" is gone: nothing is acked or released from here on
                    throw new IllegalStateException("dead consumer woke up");
                }, new SimpleMeterRegistry());
        dying.start();

        producer.send("C1", List.of("m1"));
        assertThat(taken.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        deadCommands.close(); // crash: no lock extension, no ack, no release
        long crashedAt = System.nanoTime();
        producer.send("C1", List.of("m2", "m3"));

        consumer("alerts", options, m -> {
            if (inFlight.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            handledBySurvivor.add(m.body() + "#" + m.attempt());
            inFlight.decrementAndGet();
        });

        await(Duration.ofSeconds(15), () -> handledBySurvivor.size() >= 3, "redelivery");
        long recoveredAfterMs = (System.nanoTime() - crashedAt) / 1_000_000;
        Thread.sleep(300);

        assertThat(handledBySurvivor).containsExactly("m1#2", "m2#1", "m3#1");
        assertThat(overlaps.get()).isZero();
        assertThat(recoveredAfterMs).isGreaterThanOrEqualTo(options.claimMinIdleTime().toMillis() - 100);
        never.countDown();
        dying.close();
        deadNotifications.close();
    }
}
