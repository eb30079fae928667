package dev.slackmgr.common.queue;

import dev.slackmgr.common.queue.deadletter.DeadLetter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@link BatchMessageHandler} gets fresh batches whole; failures fall back to one message at a time. */
class QueueBatchTest extends QueueTestSupport {

    /** Records what it was given; behaviour per batch set by the test. */
    private static final class Recorder implements BatchMessageHandler {
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<String> singles = Collections.synchronizedList(new ArrayList<>());
        volatile Behaviour behaviour = messages -> List.of();

        interface Behaviour {
            List<Rejection> run(List<QueueMessage> messages) throws Exception;
        }

        @Override
        public List<Rejection> handleAll(List<QueueMessage> messages) throws Exception {
            batches.add(messages.stream().map(QueueMessage::body).toList());
            return behaviour.run(messages);
        }

        @Override
        public void handle(QueueMessage message) {
            if (message.body().startsWith("bad")) {
                throw new UnprocessableMessageException("bad body");
            }
            singles.add(message.body() + "#" + message.attempt());
        }
    }

    @Test
    void aFreshBatchIsHandledTogetherAndRejectionsAreDeadLettered() throws Exception {
        Recorder recorder = new Recorder();
        recorder.behaviour = messages -> messages.stream().filter(m -> m.body().startsWith("bad"))
                .map(m -> new BatchMessageHandler.Rejection(m.id(), "bad body")).toList();
        producer("alerts").send("C1", List.of("m1", "bad-2", "m3"));
        QueueConsumer consumer = consumer("alerts", options, recorder);

        await(Duration.ofSeconds(10), () -> consumer.deadLetters().list(10).size() == 1, "the dead letter");
        await(Duration.ofSeconds(10), () -> pending("C1") == 0, "acknowledgements");
        assertThat(recorder.batches).containsExactly(List.of("m1", "bad-2", "m3"));
        assertThat(recorder.singles).isEmpty();
        List<DeadLetter> dead = consumer.deadLetters().list(10);
        assertThat(dead.get(0).originalFields()).containsEntry("body", "bad-2");
    }

    @Test
    void aFailedBatchIsHandledOneByOne() throws Exception {
        Recorder recorder = new Recorder();
        recorder.behaviour = messages -> {
            throw new IllegalStateException("database down");
        };
        producer("alerts").send("C1", List.of("m1", "m2", "m3"));
        consumer("alerts", options, recorder);

        await(Duration.ofSeconds(10), () -> recorder.singles.size() == 3, "single handling");
        assertThat(recorder.singles).containsExactly("m1#1", "m2#1", "m3#1");
        await(Duration.ofSeconds(10), () -> pending("C1") == 0, "acknowledgements");
    }

    @Test
    void aPartialBatchAcknowledgesItsHeadAndHandlesTheRestOneByOne() throws Exception {
        Recorder recorder = new Recorder();
        AtomicBoolean first = new AtomicBoolean(true);
        recorder.behaviour = messages -> {
            if (first.getAndSet(false)) {
                throw new BatchMessageHandler.PartialBatchException(2,
                        List.of(new BatchMessageHandler.Rejection(messages.get(1).id(), "bad")),
                        new IllegalStateException("moved meanwhile"));
            }
            return List.of();
        };
        producer("alerts").send("C1", List.of("m1", "bad-2", "m3", "m4"));
        QueueConsumer consumer = consumer("alerts", options, recorder);

        await(Duration.ofSeconds(10), () -> recorder.singles.size() == 2, "the rest");
        assertThat(recorder.singles).containsExactly("m3#1", "m4#1");
        assertThat(consumer.deadLetters().list(10)).hasSize(1);
        await(Duration.ofSeconds(10), () -> pending("C1") == 0, "acknowledgements");
    }

    @Test
    void redeliveriesGoOneByOne() throws Exception {
        Recorder recorder = new Recorder();
        AtomicBoolean fail = new AtomicBoolean(true);
        recorder.behaviour = messages -> {
            throw new IllegalStateException("always");
        };
        // the first single attempt of m1 fails too: m1 and m2 come back as a claimed (redelivered) batch
        RecorderWithFailingFirst failing = new RecorderWithFailingFirst(recorder, fail);
        producer("alerts").send("C1", List.of("m1", "m2"));
        consumer("alerts", options, failing);

        await(Duration.ofSeconds(10), () -> recorder.singles.size() == 2, "handled after the retry");
        assertThat(recorder.singles).containsExactly("m1#2", "m2#1");
        assertThat(recorder.batches).as("the redelivered batch is not offered whole").hasSize(1);
    }

    /** Fails the first single attempt, then delegates. */
    private record RecorderWithFailingFirst(Recorder inner, AtomicBoolean fail) implements BatchMessageHandler {
        @Override
        public List<Rejection> handleAll(List<QueueMessage> messages) throws Exception {
            return inner.handleAll(messages);
        }

        @Override
        public void handle(QueueMessage message) {
            if (fail.getAndSet(false)) {
                throw new IllegalStateException("transient");
            }
            inner.handle(message);
        }
    }

    private long pending(String channel) {
        return connection.sync().xpending(options.keys("alerts").stream(channel), options.consumerGroup()).getCount();
    }
}
