package dev.slackmgr.common.queue;

import dev.slackmgr.common.queue.deadletter.DeadLetterReason;
import dev.slackmgr.common.queue.deadletter.DeadLetters;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Consumes one queue: every channel's messages strictly in order, one message of a channel at a time across all
 * instances and threads (queue-and-locks.md §3.6–3.12, improved).
 *
 * <h2>Wake-ups (blocking reads)</h2>
 * Producers append the channel id to the queue's notification stream after each send. A dedicated connection of
 * each consumer blocks on it ({@code XREAD BLOCK}, no group: every instance sees every notification) and wakes the
 * channel at once, also a brand-new one. A channel that is already being worked on in this process is marked
 * dirty and runs again afterwards, so no wake-up is lost. Every {@code sweepInterval} all known channels (from
 * the index, refreshed every {@code streamRefreshInterval}) are woken as a safety net: for notifications missed
 * during an outage and for entries left pending by crashed consumers.
 *
 * <h2>One channel</h2>
 * One Lua round trip ({@code ACQUIRE}) takes the channel lock ({@code SET NX PX lockTtl}, random token) and reads
 * up to {@code batchSize} entries: pending entries first (claimed in id order once idle for
 * {@code claimMinIdleTime}; if the oldest is not claimable yet nothing newer is read), otherwise new entries
 * ({@code XREADGROUP >}). The batch is handled sequentially under the lock, which is extended every
 * {@code lockTtl/3} while held; then one round trip ({@code RELEASE}) acknowledges the handled entries, hands
 * unhandled ones back (marked claimable at once) and releases the lock (token-checked). A failing message is
 * handed back with its failure count as the entry's delivery counter and an idle time that makes it claimable
 * after the retry backoff (exponential); since nothing newer is read while an older entry is pending, it is
 * retried before any later message of its channel, by whichever instance gets the lock, and no worker thread
 * sleeps meanwhile. After
 * {@code maxAttempts} failures, or when it has no body or the handler throws
 * {@link UnprocessableMessageException}, it is written to the dead-letter stream, acknowledged, and the
 * channel moves on.
 *
 * <p>Create with {@link #create} (owns its two connections) or the constructor, then {@link #start()};
 * {@link #close()} finishes in-flight messages (up to a drain timeout) and hands the rest back.
 */
public final class QueueConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueueConsumer.class);
    private static final long ERROR_BACKOFF_MILLIS = 1000;
    private static final int STATS_CAP = 100_000;

    private final QueueConnection commands;
    private final QueueConnection notifications;
    private final boolean ownsConnections;
    private final QueueKeys keys;
    private final QueueOptions options;
    private final MessageHandler handler;
    private final QueueTracing tracing;
    private final QueueMetrics metrics;
    private final DeadLetters deadLetters;
    private final String consumerName;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final LockKeeper lockKeeper;
    private final Duration drainTimeout;
    private volatile boolean running;
    private ExecutorService workers;
    private static final long RELEASE_RETRY_MILLIS = 500;
    private ScheduledExecutorService maintenance;
    private ChannelScheduler scheduler;
    private Thread dispatcher;

    /**
     * @param commands      connection for scripts and acknowledgements (may be shared)
     * @param notifications connection used only for the blocking notification read (not shared)
     * @param queueName     queue name, e.g. {@code alerts}
     * @param options       settings
     * @param handler       processes the messages
     * @param registry      meter registry
     */
    public QueueConsumer(QueueConnection commands, QueueConnection notifications, String queueName,
                         QueueOptions options, MessageHandler handler, MeterRegistry registry) {
        this(commands, notifications, false, queueName, options, handler, registry, QueueTracing.NOOP);
    }

    private QueueConsumer(QueueConnection commands, QueueConnection notifications, boolean ownsConnections,
                          String queueName, QueueOptions options, MessageHandler handler, MeterRegistry registry,
                          QueueTracing tracing) {
        this.tracing = Objects.requireNonNull(tracing, "tracing");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.ownsConnections = ownsConnections;
        this.options = Objects.requireNonNull(options, "options");
        this.keys = options.keys(queueName);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.metrics = new QueueMetrics(Objects.requireNonNull(registry, "registry"), queueName);
        this.deadLetters = new DeadLetters(commands, keys, new RedisStreamQueueProducer(commands, queueName, options),
                options.deadLetterMaxLength());
        this.consumerName = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.lockKeeper = new LockKeeper(commands, options.lockTtl().toMillis());
        this.drainTimeout = options.lockTtl().compareTo(Duration.ofSeconds(10)) < 0
                ? options.lockTtl() : Duration.ofSeconds(10);
        notifications.setTimeout(options.blockTimeout().plusSeconds(5));
    }

    /** A consumer with its own two connections from {@code connector}; closing it closes them. */
    public static QueueConsumer create(RedisConnector connector, String queueName, QueueOptions options,
                                       MessageHandler handler, MeterRegistry registry) {
        return create(connector, queueName, options, handler, registry, QueueTracing.NOOP);
    }

    /**
     * Like {@link #create(RedisConnector, String, QueueOptions, MessageHandler, MeterRegistry)}, with handling of a
     * message or batch as a span that continues the trace context of its entry ({@link QueueTracing}).
     */
    public static QueueConsumer create(RedisConnector connector, String queueName, QueueOptions options,
                                       MessageHandler handler, MeterRegistry registry, QueueTracing tracing) {
        QueueConnection c = connector.connect();
        QueueConnection n;
        try {
            n = connector.connect();
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return new QueueConsumer(c, n, true, queueName, options, handler, registry, tracing);
    }

    public String queue() {
        return keys.queue();
    }

    /** This consumer's name in the consumer group ({@code <host>-<random>}). */
    public String consumerName() {
        return consumerName;
    }

    /** The dead letters of this queue. */
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** Starts the notification reader, the workers and the periodic tasks. */
    public synchronized void start() {
        if (running || stopping.getCount() == 0) {
            throw new IllegalStateException("consumer already started or closed");
        }
        running = true;
        workers = WorkerThreads.fixedPool(options.concurrency(), "queue-" + keys.queue() + "-worker-");
        maintenance = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "queue-" + keys.queue() + "-maintenance");
            t.setDaemon(true);
            return t;
        });
        scheduler = new ChannelScheduler(workers, maintenance, this::work);
        every(options.sweepInterval(), this::wakeAll);
        every(options.streamRefreshInterval(), () -> {
            cleanupStale();
            refreshIndex();
            pruneIdleConsumers();
        });
        every(options.lockTtl().dividedBy(3), lockKeeper::extendAll);
        every(options.metricsInterval(), this::refreshMetrics);
        dispatcher = new Thread(this::dispatchLoop, "queue-" + keys.queue() + "-notifications");
        dispatcher.setDaemon(true);
        dispatcher.start();
        log.info("queue consumer started: queue_name={} consumer_name={} concurrency={} virtual_threads={}",
                keys.queue(), consumerName, options.concurrency(), WorkerThreads.virtualThreadsAvailable());
    }

    /** Stops: no new batches, in-flight messages finish (bounded), unhandled entries are handed back. */
    @Override
    public void close() {
        synchronized (this) {
            if (stopping.getCount() == 0) {
                return;
            }
            running = false;
            stopping.countDown();
        }
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    workers.shutdownNow();
                    workers.awaitTermination(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                workers.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (maintenance != null) {
            maintenance.shutdownNow();
        }
        if (ownsConnections) {
            notifications.close();
            commands.close();
        }
        if (dispatcher != null) {
            try {
                dispatcher.join(options.blockTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.info("queue consumer stopped: queue_name={} consumer_name={}", keys.queue(), consumerName);
    }

    private void every(Duration period, Runnable task) {
        long ms = Math.max(1, period.toMillis());
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                if (running) {
                    log.error("queue maintenance failed: queue_name={} error={}", keys.queue(), e.toString());
                }
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    // ---- wake-ups -------------------------------------------------------------------------------------------

    private void dispatchLoop() {
        String last = null;
        boolean sweep = true;
        while (running) {
            try {
                if (last == null) {
                    last = latestNotificationId();
                }
                if (sweep) {
                    refreshIndex();
                    wakeAll();
                    sweep = false;
                }
                List<StreamMessage<String, String>> read = notifications.sync().xread(
                        XReadArgs.Builder.block(options.blockTimeout()).count(1000),
                        XReadArgs.StreamOffset.from(keys.notifications(), last));
                if (read == null) {
                    continue;
                }
                for (StreamMessage<String, String> m : read) {
                    last = m.getId();
                    String channel = m.getBody().get("c");
                    if (channel != null && !channel.isEmpty()) {
                        known.add(channel);
                        scheduler.wake(channel);
                    }
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                log.error("queue notification read failed, retrying: queue_name={} error={}", keys.queue(),
                        e.toString());
                last = null;
                sweep = true;
                if (awaitStop(ERROR_BACKOFF_MILLIS)) {
                    break;
                }
            }
        }
    }

    private String latestNotificationId() {
        List<StreamMessage<String, String>> latest = commands.sync()
                .xrevrange(keys.notifications(), Range.create("-", "+"), Limit.from(1));
        return latest.isEmpty() ? "0-0" : latest.get(0).getId();
    }

    private void refreshIndex() {
        for (String stream : commands.sync().smembers(keys.index())) {
            String channel = keys.channelOf(stream);
            if (channel != null && known.add(channel)) {
                log.info("queue stream discovered: queue_name={} stream_key={}", keys.queue(), stream);
                scheduler.wake(channel);
            }
        }
    }

    private void wakeAll() {
        for (String channel : known) {
            scheduler.wake(channel);
        }
    }

    // ---- one channel ----------------------------------------------------------------------------------------

    /** A delivered entry; {@code fields == null} when the entry no longer exists. */
    private record Delivery(String id, Map<String, String> fields, int deliveries) {
    }

    private ChannelScheduler.Next work(String channel) {
        if (!running) {
            return ChannelScheduler.DONE;
        }
        String stream = keys.stream(channel);
        String lockKey = keys.lock(channel);
        String token = UUID.randomUUID().toString();
        List<Object> reply;
        long takenAt = System.nanoTime();
        try {
            reply = QueueScripts.ACQUIRE.run(commands, new String[] {stream, lockKey}, token,
                    Long.toString(options.lockTtl().toMillis()), options.consumerGroup(), consumerName,
                    Long.toString(options.claimMinIdleTime().toMillis()), Integer.toString(options.batchSize()));
        } catch (RuntimeException e) {
            if (running) {
                log.error("queue read failed: queue_name={} channel_id={} error={}", keys.queue(), channel,
                        e.toString());
            }
            // the script may have taken the lock before the answer was lost: give it back once Redis answers (the
            // entries it may have read stay pending and are claimed after claimMinIdleTime)
            if (!neverSent(e)) {
                LockKeeper.Hold maybe = new LockKeeper.Hold(lockKey, token, takenAt + options.lockTtl().toNanos());
                scheduleRelease(new String[] {stream, lockKey},
                        new String[] {token, options.consumerGroup(), consumerName, "0"}, maybe, 0);
            }
            return new ChannelScheduler.Later(ERROR_BACKOFF_MILLIS);
        }
        int code = ((Long) reply.get(0)).intValue();
        switch (code) {
            case 0:
                metrics.lockContention.increment();
                return ChannelScheduler.DONE;
            case 1:
                return ChannelScheduler.DONE;
            case 2:
                return new ChannelScheduler.Later(Math.max(10, (Long) reply.get(1)));
            case 3:
                known.remove(channel);
                return ChannelScheduler.DONE;
            default:
                break;
        }
        List<Delivery> batch = code == 4 ? claimed(reply) : fresh(reply);
        LockKeeper.Hold hold = lockKeeper.hold(lockKey, token, takenAt);
        boolean full = code == 4 || batch.size() >= options.batchSize();
        return handleBatch(channel, stream, hold, batch, full);
    }

    /** An entry given back unacknowledged: claimable by the next lock holder after {@code claimMinIdleTime - idle}. */
    private record HandBack(String id, int retryCount, long idleMillis) {
    }

    /** Handles a batch under the lock, then acknowledges, hands back and releases in one round trip. */
    private ChannelScheduler.Next handleBatch(String channel, String stream, LockKeeper.Hold hold,
                                              List<Delivery> batch, boolean full) {
        long claimIdle = options.claimMinIdleTime().toMillis();
        List<String> acks = new ArrayList<>(batch.size());
        List<HandBack> handBack = new ArrayList<>();
        ChannelScheduler.Next next = full ? ChannelScheduler.AGAIN : ChannelScheduler.DONE;
        int i = 0;
        boolean inFlightFailed = true;
        try {
            i = handleTogether(channel, batch, acks);
            while (i < batch.size() && running && !hold.lost) {
                Delivery d = batch.get(i);
                HandBack back = handleOne(channel, d);
                i++;
                if (back != null) {
                    handBack.add(back);
                    next = new ChannelScheduler.Later(Math.max(10, claimIdle - back.idleMillis()));
                    break;
                }
                acks.add(d.id());
            }
            inFlightFailed = false;
        } finally {
            // an entry whose handling threw (e.g. Redis down while dead-lettering) stays pending as it is
            int from = inFlightFailed ? i + 1 : i;
            if (!hold.lost) {
                for (int j = from; j < batch.size(); j++) {
                    handBack.add(new HandBack(batch.get(j).id(), Math.max(0, batch.get(j).deliveries() - 1), claimIdle));
                }
            }
            lockKeeper.drop(hold);
            release(stream, hold, acks, handBack);
        }
        return running ? next : ChannelScheduler.DONE;
    }

    /**
     * Offers a fresh batch to a {@link BatchMessageHandler}; returns how many leading entries are done (acknowledged
     * via {@code acks} or dead-lettered). Entries after that are handled one by one.
     */
    private int handleTogether(String channel, List<Delivery> batch, List<String> acks) {
        if (!(handler instanceof BatchMessageHandler together) || batch.size() < 2) {
            return 0;
        }
        List<QueueMessage> messages = new ArrayList<>(batch.size());
        for (Delivery d : batch) {
            String body = d.fields() == null ? null : d.fields().get(QueueKeys.FIELD_BODY);
            if (body == null || d.deliveries() > 1) {
                return 0;
            }
            String fieldChannel = d.fields().get(QueueKeys.FIELD_CHANNEL_ID);
            String ch = fieldChannel == null || fieldChannel.isEmpty() ? channel : fieldChannel;
            messages.add(new QueueMessage(keys.queue(), ch, d.id(), body, d.fields(), 1, Instant.now()));
        }
        long start = System.nanoTime();
        int completed;
        List<BatchMessageHandler.Rejection> rejections;
        Span span = tracing.startProcess(keys.queue(), channel, messages);
        try (Tracer.SpanInScope ignored = tracing.tracer().withSpan(span)) {
            rejections = together.handleAll(messages);
            completed = batch.size();
        } catch (BatchMessageHandler.PartialBatchException e) {
            span.error(e);
            completed = e.completed();
            rejections = e.rejections();
            log.warn("queue batch partly handled, handling the rest one by one: queue_name={} channel_id={} "
                    + "handled={} of={} error={}", keys.queue(), channel, completed, batch.size(), String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            span.error(e);
            log.warn("queue batch failed, handling it one by one: queue_name={} channel_id={} size={} error={}",
                    keys.queue(), channel, batch.size(), e.toString());
            return 0;
        } finally {
            span.end();
            metrics.processing.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        Map<String, String> rejected = new HashMap<>();
        rejections.forEach(r -> rejected.put(r.messageId(), r.reason()));
        for (int j = 0; j < completed; j++) {
            Delivery d = batch.get(j);
            String reason = rejected.get(d.id());
            if (reason != null) {
                deadLetter(channel, d, DeadLetterReason.UNPROCESSABLE, 1, reason);
            } else {
                acks.add(d.id());
                metrics.acked.increment();
            }
        }
        return completed;
    }

    /**
     * One attempt at one entry. Returns {@code null} when the entry is done (acknowledged or dead-lettered), else
     * how to hand it back: after a failure with its failure count and an idle time that makes it claimable again
     * after the retry backoff – before any later entry of the channel, by whichever instance takes the lock.
     */
    private HandBack handleOne(String channel, Delivery d) {
        if (d.fields() == null) {
            return null;
        }
        String body = d.fields().get(QueueKeys.FIELD_BODY);
        String fieldChannel = d.fields().get(QueueKeys.FIELD_CHANNEL_ID);
        String ch = fieldChannel == null || fieldChannel.isEmpty() ? channel : fieldChannel;
        if (body == null) {
            deadLetter(channel, d, DeadLetterReason.MISSING_BODY, 0, "entry has no body field");
            return null;
        }
        int failures = d.deliveries() - 1;
        if (failures > 0) {
            metrics.redeliveries.increment();
        }
        if (failures >= options.maxAttempts()) {
            deadLetter(channel, d, DeadLetterReason.MAX_ATTEMPTS, failures,
                    "delivered " + d.deliveries() + " times without acknowledgement");
            return null;
        }
        QueueMessage m = new QueueMessage(keys.queue(), ch, d.id(), body, d.fields(), failures + 1, Instant.now());
        long start = System.nanoTime();
        Span span = tracing.startProcess(keys.queue(), ch, List.of(m));
        try (Tracer.SpanInScope ignored = tracing.tracer().withSpan(span)) {
            handler.handle(m);
            metrics.acked.increment();
            return null;
        } catch (UnprocessableMessageException e) {
            span.error(e);
            deadLetter(channel, d, DeadLetterReason.UNPROCESSABLE, failures + 1, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HandBack(d.id(), failures, options.claimMinIdleTime().toMillis());
        } catch (Exception e) {
            span.error(e);
            int failed = failures + 1;
            if (failed >= options.maxAttempts()) {
                deadLetter(channel, d, DeadLetterReason.MAX_ATTEMPTS, failed, e.toString());
                return null;
            }
            metrics.retries.increment();
            Duration wait = options.backoff(failed);
            log.error("queue message failed, will retry: queue_name={} channel_id={} message_id={} attempt={} "
                    + "wait={} error={}", keys.queue(), ch, d.id(), failed, wait, e.toString());
            return new HandBack(d.id(), failed, Math.max(0, options.claimMinIdleTime().toMillis() - wait.toMillis()));
        } finally {
            span.end();
            metrics.processing.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void deadLetter(String channel, Delivery d, DeadLetterReason reason, int failures, String error) {
        deadLetters.add(channel, d.id(), d.fields(), reason, failures, error);
        metrics.deadLettered(reason.label());
        log.error("queue message dead-lettered: queue_name={} channel_id={} message_id={} reason={} count={} error={}",
                keys.queue(), channel, d.id(), reason.label(), failures, error);
    }

    private void release(String stream, LockKeeper.Hold hold, List<String> acks, List<HandBack> handBack) {
        List<String> args = new ArrayList<>(4 + acks.size() + 3 * handBack.size());
        args.add(hold.token);
        args.add(options.consumerGroup());
        args.add(consumerName);
        args.add(Integer.toString(acks.size()));
        args.addAll(acks);
        for (HandBack h : handBack) {
            args.add(h.id());
            args.add(Integer.toString(h.retryCount()));
            args.add(Long.toString(h.idleMillis()));
        }
        String[] keyArgs = {stream, hold.key};
        String[] argv = args.toArray(new String[0]);
        try {
            Long ours = QueueScripts.RELEASE.run(commands, keyArgs, argv);
            if (ours == null || ours == 0L) {
                log.error("channel lock had expired at release: lock_key={}", hold.key);
            }
        } catch (RuntimeException e) {
            log.error("queue ack/release failed, retrying until the lock would expire: queue_name={} stream_key={}"
                    + " count={} error={}", keys.queue(), stream, acks.size(), e.toString());
            scheduleRelease(keyArgs, argv, hold, 1);
        }
    }

    /** True when Lettuce refused the command while disconnected, so Redis never saw it. */
    static boolean neverSent(RuntimeException e) {
        return e.getMessage() != null && e.getMessage().startsWith("Currently not connected");
    }

    /**
     * Runs a failed {@link QueueScripts#RELEASE} again every {@value #RELEASE_RETRY_MILLIS} ms while the lock may
     * still be ours: after a short Redis outage the acknowledgements, hand-backs and the lock release are made at
     * once instead of the channel waiting for the lock TTL and the claim idle time. Safe to repeat: acks and
     * hand-backs are by entry ID, the lock is deleted only while it holds our token, and before the lock expires
     * nobody else reads or claims this stream.
     */
    private void scheduleRelease(String[] keyArgs, String[] argv, LockKeeper.Hold hold, int attempt) {
        if (System.nanoTime() + RELEASE_RETRY_MILLIS * 1_000_000L >= hold.expiresAtNanos) {
            return; // the lock expires by itself before the next attempt
        }
        try {
            maintenance.schedule(() -> {
                try {
                    QueueScripts.RELEASE.run(commands, keyArgs, argv);
                    if (attempt > 0) {
                        log.info("queue ack/release done after {} retries: queue_name={} lock_key={}", attempt,
                                keys.queue(), hold.key);
                    }
                } catch (RuntimeException e) {
                    scheduleRelease(keyArgs, argv, hold, attempt + 1);
                }
            }, RELEASE_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // closing: the lock expires by itself
        }
    }

    private boolean awaitStop(long millis) {
        try {
            return stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Delivery> fresh(List<Object> reply) {
        List<Delivery> out = new ArrayList<>();
        for (Object e : (List<Object>) reply.get(1)) {
            List<Object> entry = (List<Object>) e;
            out.add(new Delivery((String) entry.get(0), fields(entry.size() > 1 ? entry.get(1) : null), 1));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Delivery> claimed(List<Object> reply) {
        Map<String, Map<String, String>> byId = new HashMap<>();
        for (Object e : (List<Object>) reply.get(1)) {
            List<Object> entry = (List<Object>) e;
            if (entry != null && !entry.isEmpty()) {
                byId.put((String) entry.get(0), fields(entry.size() > 1 ? entry.get(1) : null));
            }
        }
        List<Object> deliveries = (List<Object>) reply.get(2);
        List<Object> ids = (List<Object>) reply.get(3);
        List<Delivery> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String id = (String) ids.get(i);
            out.add(new Delivery(id, byId.get(id), ((Long) deliveries.get(i)).intValue()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fields(Object raw) {
        if (!(raw instanceof List)) {
            return null;
        }
        List<Object> flat = (List<Object>) raw;
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            m.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return m;
    }

    // ---- housekeeping ---------------------------------------------------------------------------------------

    private void cleanupStale() {
        if (options.streamInactivityTimeout().isZero()) {
            return;
        }
        long cutoffMs = System.currentTimeMillis() - options.streamInactivityTimeout().toMillis();
        long cutoffSeconds = cutoffMs / 1000;
        List<String> candidates = commands.sync().zrangebyscore(keys.activity(),
                Range.from(Range.Boundary.unbounded(), Range.Boundary.including(cutoffSeconds)));
        for (String stream : candidates) {
            String channel = keys.channelOf(stream);
            if (channel == null) {
                continue;
            }
            try {
                Long gone = QueueScripts.DELETE_STALE_STREAM.run(commands,
                        new String[] {stream, keys.lock(channel)}, Long.toString(cutoffMs));
                if (gone != null && gone == 1L) {
                    Long removed = QueueScripts.UNREGISTER_STALE.run(commands,
                            new String[] {keys.index(), keys.activity()}, stream, Long.toString(cutoffSeconds));
                    if (removed != null && removed == 1L) {
                        known.remove(channel);
                        log.info("queue stream cleaned: queue_name={} stream_key={}", keys.queue(), stream);
                    }
                }
            } catch (RuntimeException e) {
                log.error("queue stream cleanup failed: queue_name={} stream_key={} error={}", keys.queue(), stream,
                        e.toString());
            }
        }
    }

    /** Removes group members of dead instances (idle, nothing pending) so the group does not grow forever. */
    private void pruneIdleConsumers() {
        String minIdle = Long.toString(options.idleConsumerTimeout().toMillis());
        for (String channel : known) {
            Long removed = QueueScripts.PRUNE_CONSUMERS.run(commands, new String[] {keys.stream(channel)},
                    options.consumerGroup(), minIdle, consumerName);
            if (removed != null && removed > 0) {
                log.info("idle queue consumers removed: queue_name={} channel_id={} count={}", keys.queue(), channel,
                        removed);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void refreshMetrics() {
        long pending = 0;
        long undelivered = 0;
        long oldestMs = Long.MAX_VALUE;
        for (String channel : known) {
            List<Object> s = QueueScripts.STATS.run(commands, new String[] {keys.stream(channel)},
                    options.consumerGroup(), Integer.toString(STATS_CAP));
            pending += (Long) s.get(0);
            undelivered += (Long) s.get(2);
            String oldest = (String) s.get(1);
            if (oldest != null && !oldest.isEmpty()) {
                oldestMs = Math.min(oldestMs, Long.parseLong(oldest.substring(0, oldest.indexOf('-'))));
            }
        }
        metrics.pending.set(pending);
        metrics.depth.set(pending + undelivered);
        metrics.oldestPendingAgeMillis.set(oldestMs == Long.MAX_VALUE ? 0
                : Math.max(0, System.currentTimeMillis() - oldestMs));
        metrics.deadLetters.set(deadLetters.count());
    }

    private static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h == null || h.isBlank() ? "unknown" : h;
        } catch (Exception e) {
            return "unknown";
        }
    }
}
