package dev.slackmgr.common.queue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class QueueStaleStreamTest extends QueueTestSupport {

    @Test
    void staleStreamIsCleanedAndALaterSendWorksAgain() throws Exception {
        QueueOptions opts = options.withRegisterInterval(Duration.ofMillis(500))
                .withStreamInactivityTimeout(Duration.ofSeconds(2)).withStreamRefreshInterval(Duration.ofMillis(300));
        QueueKeys keys = opts.keys("alerts");
        Set<String> handled = ConcurrentHashMap.newKeySet();
        consumer("alerts", opts, m -> handled.add(m.body()));
        RedisStreamQueueProducer producer = new RedisStreamQueueProducer(connection, "alerts", opts);
        producer.send("C1", List.of("m1"));
        await(Duration.ofSeconds(5), () -> handled.contains("m1"), "m1");

        await(Duration.ofSeconds(10), () -> connection.sync().exists(keys.stream("C1")) == 0
                && !connection.sync().sismember(keys.index(), keys.stream("C1")), "cleanup");
        assertThat(connection.sync().zscore(keys.activity(), keys.stream("C1"))).isNull();

        Thread.sleep(600); // past the producer's registration interval
        producer.send("C1", List.of("m2"));
        await(Duration.ofSeconds(5), () -> handled.contains("m2"), "m2 after cleanup");
        assertThat(connection.sync().sismember(keys.index(), keys.stream("C1"))).isTrue();
    }

    @Test
    void unacknowledgedStreamIsNotCleanedAndALostGroupIsRecreated() throws Exception {
        QueueOptions opts = options.withRegisterInterval(Duration.ofMillis(200))
                .withStreamInactivityTimeout(Duration.ofSeconds(1)).withStreamRefreshInterval(Duration.ofMillis(200));
        QueueKeys keys = opts.keys("alerts");
        RedisStreamQueueProducer producer = new RedisStreamQueueProducer(connection, "alerts", opts);
        producer.send("C1", List.of("waiting"));
        connection.sync().xgroupDestroy(keys.stream("C1"), opts.consumerGroup());
        Thread.sleep(1200); // stale by activity from now on

        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> handled = ConcurrentHashMap.newKeySet();
        consumer("alerts", opts, m -> {
            taken.countDown();
            release.await(5, TimeUnit.SECONDS);
            handled.add(m.body());
        });
        assertThat(taken.await(5, TimeUnit.SECONDS)).as("message of the group-less stream delivered").isTrue();
        Thread.sleep(1000); // several cleanup rounds while the entry is pending
        assertThat(connection.sync().exists(keys.stream("C1"))).as("pending stream kept").isEqualTo(1);
        assertThat(connection.sync().xpending(keys.stream("C1"), opts.consumerGroup()).getCount()).isEqualTo(1);
        await(Duration.ofSeconds(3), () -> registry.get("slackmgr_queue_pending").gauge().value() == 1.0
                && registry.get("slackmgr_queue_depth").gauge().value() == 1.0
                && registry.get("slackmgr_queue_oldest_pending_age_seconds").gauge().value() >= 1.0, "queue gauges");
        release.countDown();
        await(Duration.ofSeconds(5), () -> handled.contains("waiting"), "handled");
    }

    @Test
    void idleConsumersWithoutPendingEntriesAreRemovedFromTheGroup() throws Exception {
        QueueOptions opts = options.withIdleConsumerTimeout(Duration.ofMillis(300))
                .withStreamRefreshInterval(Duration.ofMillis(200));
        QueueKeys keys = opts.keys("alerts");
        RedisStreamQueueProducer producer = new RedisStreamQueueProducer(connection, "alerts", opts);
        producer.send("C1", List.of("a", "b"));
        String stream = keys.stream("C1");
        // a dead instance: one entry acknowledged (nothing pending), one still pending
        var ghostRead = connection.sync().xreadgroup(io.lettuce.core.Consumer.from(opts.consumerGroup(), "ghost-idle"),
                io.lettuce.core.XReadArgs.Builder.count(1), io.lettuce.core.XReadArgs.StreamOffset.lastConsumed(stream));
        connection.sync().xack(stream, opts.consumerGroup(), ghostRead.get(0).getId());
        connection.sync().xreadgroup(io.lettuce.core.Consumer.from(opts.consumerGroup(), "ghost-pending"),
                io.lettuce.core.XReadArgs.Builder.count(1), io.lettuce.core.XReadArgs.StreamOffset.lastConsumed(stream));

        Set<String> handled = ConcurrentHashMap.newKeySet();
        QueueConsumer consumer = consumer("alerts", opts, m -> handled.add(m.body()));
        await(Duration.ofSeconds(5), () -> handled.contains("b"), "pending entry of the dead instance claimed");
        await(Duration.ofSeconds(5), () -> connection.sync().xinfoConsumers(stream, opts.consumerGroup()).size() == 1,
                "dead consumers removed");
        assertThat(connection.sync().xinfoConsumers(stream, opts.consumerGroup()).toString())
                .contains(consumer.consumerName());
    }
}
