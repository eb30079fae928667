package dev.slackmgr.common.queue.bench;

import dev.slackmgr.common.queue.QueueConsumer;
import dev.slackmgr.common.queue.QueueOptions;
import dev.slackmgr.common.queue.RedisStreamQueueProducer;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import dev.slackmgr.common.testing.TestRedis;
import io.lettuce.core.RedisFuture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end queue throughput: producer threads write to 100 channels, one consumer instance with a no-op handler
 * reads and acknowledges; the figure is messages/s from the first write to the last acknowledgement. A raw
 * pipelined {@code XADD} rate to the same 100 streams is measured in the same run as a baseline.
 * Arguments: [messages (200000)] [bodies per send (10)] [producer threads (4)].
 */
public final class QueueThroughputBenchmark {
    private static final int CHANNELS = 100;

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int perSend = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int producers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        try (RedisConnector connector = RedisConnector.standalone(TestRedis.url());
             QueueConnection connection = connector.connect()) {
            double raw = rawXadd(connection, messages);
            double e2e = endToEnd(connector, connection, messages, perSend, producers);
            double drain = drain(connector, connection, messages);
            System.out.printf("raw XADD (pipelined, 100 streams):        %,.0f msg/s%n", raw);
            System.out.printf("consumer only (read+ack of a backlog):     %,.0f msg/s%n", drain);
            System.out.printf("queue end-to-end (write+read+ack, %d/send): %,.0f msg/s (%.0f%% of raw XADD)%n",
                    perSend, e2e, 100 * e2e / raw);
        }
        System.exit(0);
    }

    private static double rawXadd(QueueConnection connection, int messages) throws Exception {
        String prefix = "bench-raw-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        long start = System.nanoTime();
        List<RedisFuture<String>> window = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String channel = "C" + (i % CHANNELS);
            window.add(connection.async().xadd(prefix + channel, Map.of("channel_id", channel, "body", body(i))));
            if (window.size() == 1000) {
                for (RedisFuture<String> f : window) {
                    f.get(30, TimeUnit.SECONDS);
                }
                window.clear();
            }
        }
        for (RedisFuture<String> f : window) {
            f.get(30, TimeUnit.SECONDS);
        }
        double rate = messages / ((System.nanoTime() - start) / 1e9);
        for (int c = 0; c < CHANNELS; c++) {
            connection.sync().del(prefix + "C" + c);
        }
        return rate;
    }

    private static double endToEnd(RedisConnector connector, QueueConnection connection, int messages, int perSend,
                                   int producers) throws Exception {
        QueueOptions options = QueueOptions.defaults()
                .withKeyPrefix("bench-" + UUID.randomUUID().toString().substring(0, 8))
                .withBatchSize(100).withConcurrency(8);
        AtomicLong handled = new AtomicLong();
        QueueConsumer consumer = QueueConsumer.create(connector, "alerts", options, m -> handled.incrementAndGet(),
                new SimpleMeterRegistry());
        consumer.start();
        RedisStreamQueueProducer producer = new RedisStreamQueueProducer(connection, "alerts", options);
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        int sendsPerProducer = messages / perSend / producers;
        int total = sendsPerProducer * perSend * producers;
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            futures.add(pool.submit(() -> {
                for (int s = 0; s < sendsPerProducer; s++) {
                    String channel = "C" + ((s * producers + id) % CHANNELS);
                    List<String> bodies = new ArrayList<>(perSend);
                    for (int b = 0; b < perSend; b++) {
                        bodies.add(body(s * perSend + b));
                    }
                    producer.send(channel, bodies);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        while (handled.get() < total) {
            Thread.sleep(1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("queue write only: %,.0f msg/s; end-to-end %,d messages in %.2f s%n",
                total / writeSeconds, total, seconds);
        pool.shutdown();
        consumer.close();
        return total / seconds;
    }

    /** Writes a backlog first, then measures how fast one consumer reads and acknowledges it. */
    private static double drain(RedisConnector connector, QueueConnection connection, int messages) throws Exception {
        QueueOptions options = QueueOptions.defaults()
                .withKeyPrefix("bench-" + UUID.randomUUID().toString().substring(0, 8))
                .withBatchSize(100).withConcurrency(8);
        RedisStreamQueueProducer producer = new RedisStreamQueueProducer(connection, "alerts", options);
        int perChannel = messages / CHANNELS;
        for (int c = 0; c < CHANNELS; c++) {
            for (int from = 0; from < perChannel; from += 100) {
                List<String> bodies = new ArrayList<>();
                for (int b = from; b < Math.min(perChannel, from + 100); b++) {
                    bodies.add(body(b));
                }
                producer.send("C" + c, bodies);
            }
        }
        int total = perChannel * CHANNELS;
        AtomicLong handled = new AtomicLong();
        QueueConsumer consumer = QueueConsumer.create(connector, "alerts", options, m -> handled.incrementAndGet(),
                new SimpleMeterRegistry());
        long start = System.nanoTime();
        consumer.start();
        while (handled.get() < total) {
            Thread.sleep(1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        consumer.close();
        return total / seconds;
    }

    private static String body(int i) {
        return "{\"header\":\"benchmark alert " + i + "\",\"correlationId\":\"bench-" + (i % 1000)
                + "\",\"severity\":\"error\",\"text\":\"something happened on host-" + (i % 50) + "\"}";
    }
}
