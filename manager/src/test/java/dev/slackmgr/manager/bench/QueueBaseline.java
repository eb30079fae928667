package dev.slackmgr.manager.bench;

import dev.slackmgr.common.queue.QueueConsumer;
import dev.slackmgr.common.queue.QueueOptions;
import dev.slackmgr.common.queue.RedisStreamQueueProducer;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import dev.slackmgr.common.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue alone: the storm's sends written the same way, read and acknowledged by one consumer with the
 * manager's concurrency (8) and a no-op handler. Returns seconds from the first send to the last acknowledgement.
 */
final class QueueBaseline {
    private QueueBaseline() {
    }

    static double seconds(StormPlan plan) throws InterruptedException {
        QueueOptions options = QueueOptions.defaults()
                .withKeyPrefix("bench-base-" + UUID.randomUUID().toString().substring(0, 8)).withConcurrency(8);
        try (RedisConnector connector = RedisConnector.standalone(TestRedis.url());
             QueueConnection connection = connector.connect()) {
            AtomicLong handled = new AtomicLong();
            QueueConsumer consumer = QueueConsumer.create(connector, "alerts", options,
                    m -> handled.incrementAndGet(), new SimpleMeterRegistry());
            consumer.start();
            RedisStreamQueueProducer producer = new RedisStreamQueueProducer(connection, "alerts", options);
            long start = System.nanoTime();
            for (StormPlan.Send s : plan.sends()) {
                producer.send(s.channel(), s.bodies());
            }
            while (handled.get() < plan.total()) {
                Thread.sleep(1);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            consumer.close();
            return seconds;
        }
    }
}
