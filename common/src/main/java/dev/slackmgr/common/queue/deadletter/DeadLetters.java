package dev.slackmgr.common.queue.deadletter;

import dev.slackmgr.common.queue.QueueKeys;
import dev.slackmgr.common.queue.QueueProducer;
import dev.slackmgr.common.queue.redis.QueueConnection;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.Limit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dead-letter stream of one queue ({@code <prefix>:<queue>:dead-letters:{<queue>}}): one stream per queue so
 * it can be listed newest first across channels. It is a queue-wide key, so it is written in its own command,
 * always <em>before</em> the original entry is acknowledged – a crash in between leaves a duplicate dead letter,
 * never a lost message.
 *
 * <p>Entry fields: {@code reason}, {@code failures}, {@code error}, {@code stream}, {@code entry_id},
 * {@code channel_id}, {@code at} (Unix ms), and every original field as {@code field.<name>}.
 */
public final class DeadLetters {
    private static final String FIELD_PREFIX = "field.";
    private static final int MAX_ERROR_LENGTH = 1000;

    private final QueueConnection connection;
    private final QueueKeys keys;
    private final QueueProducer producer;
    private final long maxLength;

    /**
     * @param connection Redis connection
     * @param keys       key layout of the queue
     * @param producer   producer of the same queue, used by {@link #replay}
     * @param maxLength  approximate cap of the dead-letter stream
     */
    public DeadLetters(QueueConnection connection, QueueKeys keys, QueueProducer producer, long maxLength) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.producer = Objects.requireNonNull(producer, "producer");
        if (!producer.name().equals(keys.queue())) {
            throw new IllegalArgumentException("producer queue " + producer.name() + " != " + keys.queue());
        }
        this.maxLength = maxLength;
    }

    public String queue() {
        return keys.queue();
    }

    /** Stores a dead letter and returns its id. */
    public String add(String channelId, String originalId, Map<String, String> originalFields, DeadLetterReason reason,
                      int failures, String error) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("reason", reason.label());
        body.put("failures", Integer.toString(failures));
        String e = error == null ? "" : error;
        body.put("error", e.length() > MAX_ERROR_LENGTH ? e.substring(0, MAX_ERROR_LENGTH) : e);
        body.put("stream", keys.stream(channelId));
        body.put("entry_id", originalId);
        body.put("channel_id", channelId);
        body.put("at", Long.toString(System.currentTimeMillis()));
        originalFields.forEach((k, v) -> body.put(FIELD_PREFIX + k, v));
        return connection.sync().xadd(keys.deadLetters(), XAddArgs.Builder.maxlen(maxLength).approximateTrimming(), body);
    }

    /** Dead letters, newest first, at most {@code limit}. */
    public List<DeadLetter> list(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return connection.sync().xrevrange(keys.deadLetters(), Range.create("-", "+"), Limit.from(limit)).stream()
                .map(this::toDeadLetter).toList();
    }

    /** One dead letter by id. */
    public Optional<DeadLetter> get(String id) {
        List<StreamMessage<String, String>> found = connection.sync()
                .xrange(keys.deadLetters(), Range.create(id, id), Limit.from(1));
        return found.stream().findFirst().map(this::toDeadLetter);
    }

    /** Number of dead letters. */
    public long count() {
        return connection.sync().xlen(keys.deadLetters());
    }

    /**
     * Re-enqueues the original body at the end of its channel's stream and deletes the dead letter.
     *
     * @return the new entry id, or empty when no dead letter has this id
     * @throws IllegalStateException when the original entry had no body (nothing to replay)
     */
    public Optional<String> replay(String id) {
        Optional<DeadLetter> found = get(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeadLetter d = found.get();
        if (d.body() == null || d.body().isEmpty()) {
            throw new IllegalStateException("dead letter " + id + " has no body to replay");
        }
        String newId = producer.send(d.channelId(), List.of(d.body())).get(0);
        connection.sync().xdel(keys.deadLetters(), id);
        return Optional.of(newId);
    }

    private DeadLetter toDeadLetter(StreamMessage<String, String> m) {
        Map<String, String> b = m.getBody();
        Map<String, String> original = new LinkedHashMap<>();
        b.forEach((k, v) -> {
            if (k.startsWith(FIELD_PREFIX)) {
                original.put(k.substring(FIELD_PREFIX.length()), v);
            }
        });
        return new DeadLetter(m.getId(), keys.queue(), b.getOrDefault("channel_id", ""), b.getOrDefault("reason", ""),
                parseInt(b.get("failures")), b.getOrDefault("error", ""), b.getOrDefault("stream", ""),
                b.getOrDefault("entry_id", ""), original, Instant.ofEpochMilli(parseLong(b.get("at"))));
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
