package dev.slackmgr.common.queue;

import dev.slackmgr.common.testing.RestartableRedis;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acknowledgement and lock release after a batch fail because Redis is down: once Redis is back (with its data,
 * append-only file) they are made, so the channel goes on at once instead of waiting for the lock TTL and the claim
 * idle time, and the handled entry is not delivered again (found by the manager's ManagerRedisOutageTest: a 3 s
 * outage stalled channels for two minutes).
 */
class QueueReleaseOutageTest {
    @Test
    void ackAndReleaseThatFailWhileRedisIsDownAreMadeWhenItIsBack() throws Exception {
        RestartableRedis redis = new RestartableRedis();
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        // lock TTL and claim idle time far beyond the test's waits: only the retried release lets it pass
        QueueOptions options = QueueOptions.defaults().withKeyPrefix("release-outage")
                .withLockTiming(Duration.ofSeconds(120), Duration.ofSeconds(100))
                .withBlockTimeout(Duration.ofMillis(500));
        try (RedisConnector connector = RedisConnector.standalone(redis.url());
             QueueConnection connection = connector.connect();
             QueueConsumer consumer = QueueConsumer.create(connector, "alerts", options, m -> {
                 if (m.body().equals("slow")) {
                     inHandler.countDown();
                     finish.await();
                 }
                 handled.computeIfAbsent(m.body(), k -> new AtomicInteger()).incrementAndGet();
             }, new SimpleMeterRegistry())) {
            consumer.start();
            RedisStreamQueueProducer producer = new RedisStreamQueueProducer(connection, "alerts", options);
            producer.send("C1", List.of("slow"));
            assertThat(inHandler.await(20, TimeUnit.SECONDS)).isTrue();
            redis.stop();
            finish.countDown(); // handled while Redis is down: the ack and the lock release fail
            Thread.sleep(1000);
            redis.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            boolean sent = false;
            while (!sent && System.nanoTime() < deadline) {
                try {
                    producer.send("C1", List.of("next"));
                    sent = true;
                } catch (QueueUnavailableException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(sent).isTrue();
            while (!handled.containsKey("next") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(handled).as("the channel goes on after Redis is back").containsKey("next");
            Thread.sleep(1000);
            assertThat(handled.get("slow").get()).as("acknowledged after all, not delivered again").isEqualTo(1);
        } finally {
            redis.stop();
        }
    }

}
