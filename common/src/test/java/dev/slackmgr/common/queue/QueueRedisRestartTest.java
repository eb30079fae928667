package dev.slackmgr.common.queue;

import dev.slackmgr.common.testing.TestRedis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class QueueRedisRestartTest extends QueueTestSupport {

    @Test
    void consumersReconnectAndContinueAfterARedisRestart() throws Exception {
        assumeTrue(TestRedis.isEmbedded(), "needs the embedded Redis to restart it");
        Set<String> handled = ConcurrentHashMap.newKeySet();
        RedisStreamQueueProducer producer = producer("alerts");
        QueueConsumer a = consumer("alerts", options, m -> handled.add(m.body()));
        QueueConsumer b = consumer("alerts", options, m -> handled.add(m.body()));
        producer.send("C1", List.of("before"));
        await(Duration.ofSeconds(5), () -> handled.contains("before"), "message before restart");

        TestRedis.stop();
        Thread.sleep(700);
        TestRedis.restart();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean sent = false;
        while (!sent && System.nanoTime() < deadline) {
            try {
                producer.send("C1", List.of("after-1"));
                producer.send("C2", List.of("after-2"));
                sent = true;
            } catch (QueueUnavailableException e) {
                Thread.sleep(100);
            }
        }
        assertThat(sent).as("producer writes again after the restart").isTrue();
        await(Duration.ofSeconds(20), () -> handled.containsAll(Set.of("after-1", "after-2")),
                "messages sent after the restart");
        assertThat(a.consumerName()).isNotEqualTo(b.consumerName());
    }
}
