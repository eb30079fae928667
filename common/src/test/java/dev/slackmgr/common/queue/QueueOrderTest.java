package dev.slackmgr.common.queue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class QueueOrderTest extends QueueTestSupport {
    private static final int CHANNELS = 50;
    private static final int PER_CHANNEL = 200;

    @Test
    void threeConsumersKeepEveryChannelInOrderOneAtATime() throws Exception {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        MessageHandler handler = m -> {
            AtomicInteger f = inFlight.computeIfAbsent(m.channelId(), c -> new AtomicInteger());
            if (f.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            try {
                if (m.body().endsWith("7")) {
                    Thread.sleep(1); // widen the window in which an overlap would show
                }
                seen.computeIfAbsent(m.channelId(), c -> Collections.synchronizedList(new ArrayList<>()))
                        .add(Integer.parseInt(m.body().substring(m.body().indexOf(':') + 1)));
                total.incrementAndGet();
            } finally {
                f.decrementAndGet();
            }
        };
        QueueOptions opts = options.withConcurrency(4).withBatchSize(20);
        for (int i = 0; i < 3; i++) {
            consumer("alerts", opts, handler);
        }

        RedisStreamQueueProducer producer = producer("alerts");
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            int slice = s;
            sent.add(senders.submit(() -> {
                for (int from = 0; from < PER_CHANNEL; from += 10) {
                    for (int ch = slice; ch < CHANNELS; ch += 4) {
                        int start = from;
                        String channel = "C" + ch;
                        producer.send(channel, IntStream.range(start, start + 10)
                                .mapToObj(n -> channel + ":" + n).toList());
                    }
                }
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        senders.shutdown();

        await(Duration.ofSeconds(60), () -> total.get() >= CHANNELS * PER_CHANNEL, "all messages");
        Thread.sleep(300); // anything delivered twice would show up now

        assertThat(overlaps.get()).isZero();
        assertThat(total.get()).isEqualTo(CHANNELS * PER_CHANNEL);
        List<Integer> expected = IntStream.range(0, PER_CHANNEL).boxed().toList();
        assertThat(seen).hasSize(CHANNELS);
        seen.forEach((channel, list) -> assertThat(list).as(channel).containsExactlyElementsOf(expected));
    }
}
