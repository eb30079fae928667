package dev.slackmgr.common.queue;

import dev.slackmgr.common.queue.deadletter.DeadLetter;
import dev.slackmgr.common.queue.deadletter.DeadLetters;
import io.lettuce.core.StreamMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueFailureTest extends QueueTestSupport {

    @Test
    void failedMessageIsRetriedBeforeLaterMessagesOfItsChannel() throws Exception {
        List<String> attempts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failuresLeft = new AtomicInteger(2);
        RedisStreamQueueProducer producer = producer("alerts");
        producer.send("C1", List.of("m1", "m2", "m3"));

        consumer("alerts", options, m -> {
            attempts.add(m.body() + "#" + m.attempt());
            if (m.body().equals("m1") && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("transient");
            }
        });

        await(Duration.ofSeconds(10), () -> attempts.size() >= 5, "all attempts");
        Thread.sleep(200);
        assertThat(attempts).containsExactly("m1#1", "m1#2", "m1#3", "m2#1", "m3#1");
        assertThat(registry.get("slackmgr_queue_retries").counter().count()).isEqualTo(2.0);
    }

    @Test
    void aChannelWaitingForItsRetryDoesNotHoldAWorker() throws Exception {
        QueueOptions opts = options.withConcurrency(1).withRetries(5, Duration.ofMillis(800), Duration.ofMillis(800));
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failuresLeft = new AtomicInteger(1);
        RedisStreamQueueProducer producer = new RedisStreamQueueProducer(connection, "alerts", opts);
        producer.send("C1", List.of("slow-1", "slow-2"));
        consumer("alerts", opts, m -> {
            if (m.body().equals("slow-1") && failuresLeft.getAndDecrement() > 0) {
                producer.send("C2", List.of("fast"));
                throw new IllegalStateException("transient");
            }
            handled.add(m.body());
        });

        await(Duration.ofSeconds(10), () -> handled.size() == 3, "all messages");
        // the only worker served C2 while C1 waited for its 800 ms backoff; C1 kept its order
        assertThat(handled).containsExactly("fast", "slow-1", "slow-2");
    }

    @Test
    void poisonAndExhaustedMessagesAreDeadLetteredAndTheChannelMovesOn() throws Exception {
        RedisStreamQueueProducer producer = producer("alerts");
        producer.send("C1", List.of("first"));
        connection.sync().xadd(options.keys("alerts").stream("C1"), Map.of("channel_id", "C1", "other", "x"));
        producer.send("C1", List.of("not-json", "always-fails", "last"));

        AtomicBoolean failing = new AtomicBoolean(true);
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        QueueConsumer consumer = consumer("alerts", options, m -> {
            if (m.body().equals("not-json")) {
                throw new UnprocessableMessageException("cannot decode");
            }
            if (m.body().equals("always-fails") && failing.get()) {
                throw new IllegalStateException("boom " + m.attempt());
            }
            handled.add(m.body());
        });

        await(Duration.ofSeconds(10), () -> handled.contains("last"), "channel to move on");
        assertThat(handled).containsExactly("first", "last");

        DeadLetters deadLetters = consumer.deadLetters();
        assertThat(deadLetters.count()).isEqualTo(3);
        List<DeadLetter> list = deadLetters.list(10);
        assertThat(list).extracting(DeadLetter::reason).containsExactly("max_attempts", "unprocessable", "missing_body");
        DeadLetter exhausted = list.get(0);
        assertThat(exhausted.failures()).isEqualTo(5);
        assertThat(exhausted.error()).contains("boom 5");
        assertThat(exhausted.channelId()).isEqualTo("C1");
        assertThat(exhausted.originalStream()).isEqualTo(options.keys("alerts").stream("C1"));
        assertThat(exhausted.originalFields()).containsEntry("body", "always-fails").containsEntry("channel_id", "C1");
        assertThat(list.get(2).originalFields()).containsEntry("other", "x").doesNotContainKey("body");
        assertThat(deadLetters.list(1)).hasSize(1);

        List<StreamMessage<String, String>> pending = connection.sync().xrange(options.keys("alerts").stream("C1"),
                io.lettuce.core.Range.create("-", "+"));
        assertThat(connection.sync().xpending(options.keys("alerts").stream("C1"), options.consumerGroup())
                .getCount()).isZero();
        assertThat(pending).hasSize(5);

        assertThatThrownBy(() -> deadLetters.replay(list.get(2).id())).isInstanceOf(IllegalStateException.class);
        failing.set(false);
        assertThat(deadLetters.replay(exhausted.id())).isPresent();
        await(Duration.ofSeconds(10), () -> handled.contains("always-fails"), "replayed message");
        assertThat(handled).containsExactly("first", "last", "always-fails");
        assertThat(deadLetters.count()).isEqualTo(2);
        assertThat(deadLetters.replay("1-0")).isEmpty();
        assertThat(registry.get("slackmgr_queue_dead_lettered").tag("reason", "max_attempts").counter().count())
                .isEqualTo(1.0);
        await(Duration.ofSeconds(5), () -> registry.get("slackmgr_queue_dead_letters").gauge().value() == 2.0,
                "dead letter gauge");
    }
}
