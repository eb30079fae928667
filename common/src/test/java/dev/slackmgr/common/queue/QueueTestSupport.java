package dev.slackmgr.common.queue;

import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import dev.slackmgr.common.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Shared set-up of the queue tests: real Redis, a unique key prefix per test, short timings. */
abstract class QueueTestSupport {
    protected final List<AutoCloseable> closeables = new ArrayList<>();
    protected RedisConnector connector;
    protected QueueConnection connection;
    protected QueueOptions options;
    protected SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @org.junit.jupiter.api.BeforeEach
    void setUpRedis() {
        connector = RedisConnector.standalone(TestRedis.url());
        connection = connector.connect();
        options = fastOptions("test-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @org.junit.jupiter.api.AfterEach
    void tearDownRedis() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        connection.close();
        connector.close();
    }

    static QueueOptions fastOptions(String prefix) {
        return QueueOptions.defaults()
                .withKeyPrefix(prefix)
                .withLockTiming(Duration.ofMillis(1500), Duration.ofMillis(1000))
                .withBlockTimeout(Duration.ofMillis(500))
                .withSweepInterval(Duration.ofMillis(250))
                .withStreamRefreshInterval(Duration.ofSeconds(1))
                .withRetries(5, Duration.ofMillis(10), Duration.ofMillis(50))
                .withMetricsInterval(Duration.ofMillis(200))
                .withRegisterInterval(Duration.ofSeconds(1));
    }

    protected RedisStreamQueueProducer producer(String queue) {
        return new RedisStreamQueueProducer(connection, queue, options);
    }

    protected QueueConsumer consumer(String queue, QueueOptions opts, MessageHandler handler) {
        QueueConsumer c = QueueConsumer.create(connector, queue, opts, handler,
                closeables.isEmpty() ? registry : new SimpleMeterRegistry());
        closeables.add(c);
        c.start();
        return c;
    }

    static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
