package dev.slackmgr.common.queue;

import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class QueueTrimTest extends QueueTestSupport {

    @Test
    void trimmingRemovesOnlyAcknowledgedEntries() {
        QueueOptions small = options.withMaxStreamLength(10);
        RedisStreamQueueProducer producer = new RedisStreamQueueProducer(connection, "alerts", small);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int from = i * 50;
            ids.addAll(producer.send("C1", IntStream.range(from, from + 50).mapToObj(n -> "m" + n).toList()));
        }
        String stream = small.keys("alerts").stream("C1");
        assertThat(connection.sync().xlen(stream)).as("nothing delivered yet, nothing trimmed").isEqualTo(500);

        List<StreamMessage<String, String>> read = connection.sync().xreadgroup(
                Consumer.from(small.consumerGroup(), "tester"), XReadArgs.Builder.count(300),
                XReadArgs.StreamOffset.lastConsumed(stream));
        assertThat(read).hasSize(300);
        connection.sync().xack(stream, small.consumerGroup(), ids.subList(0, 250).toArray(new String[0]));

        producer.send("C1", List.of("m500"));

        List<String> remaining = connection.sync().xrange(stream, Range.create("-", "+")).stream()
                .map(StreamMessage::getId).toList();
        assertThat(remaining.size()).as("acknowledged entries were trimmed").isLessThan(501);
        assertThat(remaining).as("pending and undelivered entries survive").containsAll(ids.subList(250, 500));
        assertThat(connection.sync().xpending(stream, small.consumerGroup()).getCount()).isEqualTo(50);
    }
}
