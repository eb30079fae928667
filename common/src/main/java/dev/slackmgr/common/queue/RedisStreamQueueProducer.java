package dev.slackmgr.common.queue;

import dev.slackmgr.common.queue.redis.QueueConnection;
import io.lettuce.core.XAddArgs;
import io.micrometer.tracing.Tracer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Redis Streams producer (queue-and-locks.md §3.4), safe for Redis Cluster.
 *
 * <p>A send is, in this order:
 * <ol>
 *   <li>registration of the channel's stream in the index set and the activity zset (queue slot) – skipped
 *       when this producer registered the channel less than {@link QueueOptions#registerInterval()} ago, and
 *       awaited before the next step, so a stream never exists without being in the index;</li>
 *   <li>the {@code SEND} script on the channel's slot: XADD of all bodies atomically, consumer group creation
 *       for a new stream, trimming of acknowledged entries only;</li>
 *   <li>an {@code XADD} of the channel id to the queue's notification stream, pipelined with step 2, which
 *       wakes the blocked consumers within milliseconds, also for brand-new channels.</li>
 * </ol>
 * Thread-safe; one instance per queue name.
 */
public final class RedisStreamQueueProducer implements QueueProducer {
    private final QueueConnection connection;
    private final QueueKeys keys;
    private final QueueOptions options;
    private final Clock clock;
    private final Map<String, Long> registeredAt = new ConcurrentHashMap<>();
    private final QueueTracing tracing;

    public RedisStreamQueueProducer(QueueConnection connection, String queueName, QueueOptions options) {
        this(connection, queueName, options, QueueTracing.NOOP);
    }

    /** With {@code tracing}: every send is a span, and its trace context is written into the entries. */
    public RedisStreamQueueProducer(QueueConnection connection, String queueName, QueueOptions options,
                                    QueueTracing tracing) {
        this(connection, queueName, options, Clock.systemUTC(), tracing);
    }

    RedisStreamQueueProducer(QueueConnection connection, String queueName, QueueOptions options, Clock clock) {
        this(connection, queueName, options, clock, QueueTracing.NOOP);
    }

    private RedisStreamQueueProducer(QueueConnection connection, String queueName, QueueOptions options, Clock clock,
                                     QueueTracing tracing) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.options = Objects.requireNonNull(options, "options");
        this.keys = options.keys(queueName);
        this.clock = clock;
        this.tracing = Objects.requireNonNull(tracing, "tracing");
    }

    @Override
    public String name() {
        return keys.queue();
    }

    @Override
    public List<String> send(String channelId, List<String> bodies) {
        Objects.requireNonNull(bodies, "bodies");
        if (bodies.isEmpty()) {
            return List.of();
        }
        for (String body : bodies) {
            if (body == null || body.isEmpty()) {
                throw new IllegalArgumentException("message body must not be empty");
            }
        }
        String stream = keys.stream(channelId);
        QueueTracing.Send traced = tracing.startSend(keys.queue(), channelId, bodies.size());
        try (Tracer.SpanInScope ignored = traced == null ? null : tracing.tracer().withSpan(traced.span())) {
            boolean registered = registerIfDue(stream);
            Map<String, String> extra = traced == null ? Map.of() : traced.fields();
            String[] args = new String[4 + 2 * extra.size() + bodies.size()];
            args[0] = options.consumerGroup();
            args[1] = Long.toString(options.maxStreamLength());
            args[2] = channelId;
            args[3] = Integer.toString(extra.size());
            int a = 4;
            for (Map.Entry<String, String> field : extra.entrySet()) {
                args[a++] = field.getKey();
                args[a++] = field.getValue();
            }
            for (String body : bodies) {
                args[a++] = body;
            }
            CompletableFuture<List<Object>> ids = QueueScripts.SEND
                    .<List<Object>>runAsync(connection, new String[] {stream}, args).toCompletableFuture();
            CompletableFuture<String> notified = connection.async().xadd(keys.notifications(),
                    XAddArgs.Builder.maxlen(options.notifyMaxLength()).approximateTrimming(),
                    Map.of("c", channelId)).toCompletableFuture();
            List<Object> result = await(ids);
            await(notified);
            if (!registered && ((Long) result.get(0)) == 0L) {
                // the stream was gone although registered recently (e.g. Redis lost its data): register again
                registeredAt.remove(stream);
                registerIfDue(stream);
            }
            List<String> out = new ArrayList<>(result.size() - 1);
            for (Object id : result.subList(1, result.size())) {
                out.add(String.valueOf(id));
            }
            return out;
        } catch (QueueUnavailableException e) {
            if (traced != null) {
                traced.span().error(e);
            }
            throw e;
        } catch (RuntimeException e) {
            if (traced != null) {
                traced.span().error(e);
            }
            throw new QueueUnavailableException("cannot write to queue " + keys.queue(), e);
        } finally {
            if (traced != null) {
                traced.span().end();
            }
        }
    }

    private boolean registerIfDue(String stream) {
        long now = clock.millis();
        Long last = registeredAt.get(stream);
        if (last != null && now - last < options.registerInterval().toMillis()) {
            return false;
        }
        await(QueueScripts.REGISTER.runAsync(connection, new String[] {keys.index(), keys.activity()},
                stream, Long.toString(now / 1000)).toCompletableFuture());
        registeredAt.put(stream, now);
        return true;
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueUnavailableException("interrupted while writing to the queue", e);
        } catch (ExecutionException e) {
            throw new QueueUnavailableException("queue write failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new QueueUnavailableException("queue write timed out", e);
        }
    }
}
