package dev.slackmgr.manager.channel;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.manager.issue.ChannelEngine;
import dev.slackmgr.manager.issue.ManagedAlert;
import dev.slackmgr.manager.issue.ManagerSettings;
import dev.slackmgr.manager.slack.LocalRateLimitGate;
import dev.slackmgr.manager.slack.SdkSlackGateway;
import dev.slackmgr.manager.slack.SlackClientSettings;
import dev.slackmgr.manager.slack.TestSlackGateways;
import dev.slackmgr.manager.store.IssueStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The alert-processing objects wired as {@link ProcessingConfiguration} wires them, as plain Java: real store,
 * real Redis channel locks, the real SDK gateway against a {@link FakeSlack}.
 */
final class SyncHarness {
    static final Duration LOCK_TTL = Duration.ofSeconds(30);

    final IssueStore store;
    final FakeSlack slack;
    final LocalRateLimitGate gate = TestSlackGateways.localGate();
    final SdkSlackGateway gateway;
    final ChannelLocks locks;
    final ChannelEngine engine = new ChannelEngine(ManagerSettings.defaults(), ZoneId.of("UTC"));
    final PostCalls calls;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final PostSyncer syncer;
    final ChannelProcessor processor;
    /** Channels the processor asked to sync (unless another consumer was given). */
    final List<String> syncRequests = new CopyOnWriteArrayList<>();
    private final Instant base = Instant.now();
    private int n;

    SyncHarness(IssueStore store, QueueConnection redis, FakeSlack slack, SlackClientSettings settings) {
        this(store, redis, slack, settings, null);
    }

    /** @param requests where the processor's sync requests go (null: recorded in {@link #syncRequests}) */
    SyncHarness(IssueStore store, QueueConnection redis, FakeSlack slack, SlackClientSettings settings,
                Consumer<String> requests) {
        this.store = store;
        this.slack = slack;
        this.gateway = TestSlackGateways.create(slack, settings, gate);
        this.locks = new ChannelLocks(redis, "synctest-" + UUID.randomUUID() + ":", Duration.ofMillis(20));
        this.calls = new PostCalls(gateway, store, Clock.systemUTC());
        this.syncer = new PostSyncer(store, gateway, locks, calls, () -> engine, Clock.systemUTC(), metrics, LOCK_TTL);
        EffectRecorder recorder = new EffectRecorder(new IssueMover(gateway, store, locks), calls);
        this.processor = new ChannelProcessor(store, gateway, locks, recorder,
                requests == null ? syncRequests::add : requests, ManagerSettings::defaults, () -> engine,
                Clock.systemUTC(), metrics, false, LOCK_TTL);
    }

    /** A queued alert body, each one newer than the last. */
    String body(String channel, String correlationId, String severity, String text) {
        Alert.Builder b = Alert.builder();
        b.timestamp = base.plusMillis(++n).atOffset(ZoneOffset.UTC);
        b.slackChannelId = channel;
        b.correlationId = correlationId;
        b.header = ":status: Problem " + correlationId;
        b.text = text;
        b.severity = severity;
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 3600;
        b.archivingDelaySeconds = 7200;
        return AlertJson.encode(b.build());
    }

    /** Decodes and applies one alert, as the queue handler does. */
    ManagedAlert apply(String channel, String correlationId, String text) throws InterruptedException {
        ManagedAlert alert = processor.decode(body(channel, correlationId, "error", text));
        processor.processAlert(alert);
        return alert;
    }

    /** Calls of {@code method} about {@code channel} that reached the fake Slack. */
    long calls(String method, String channel) {
        return slack.calls().stream().filter(c -> c.method().equals(method)
                && channel.equals(c.params().get("channel"))).count();
    }

    /** The methods called about {@code channel}, in order (channel lookups left out). */
    List<String> methods(String channel) {
        return slack.calls().stream().filter(c -> channel.equals(c.params().get("channel"))
                && !c.method().equals("conversations.info")).map(FakeSlack.Call::method).toList();
    }
}
