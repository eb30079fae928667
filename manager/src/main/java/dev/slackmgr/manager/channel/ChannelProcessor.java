package dev.slackmgr.manager.channel;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertDecodeException;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.common.alert.AlertValidator;
import dev.slackmgr.common.queue.UnprocessableMessageException;
import dev.slackmgr.manager.issue.AlertIntake;
import dev.slackmgr.manager.issue.ChannelEngine;
import dev.slackmgr.manager.issue.ChannelTickResult;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueCommand;
import dev.slackmgr.manager.issue.IssueEvent;
import dev.slackmgr.manager.issue.IssueResult;
import dev.slackmgr.manager.issue.IssueView;
import dev.slackmgr.manager.issue.ManagedAlert;
import dev.slackmgr.manager.issue.ManagerSettings;
import dev.slackmgr.manager.issue.MoveMapping;
import dev.slackmgr.manager.issue.SlackEffect;
import dev.slackmgr.manager.issue.StoreOp;
import dev.slackmgr.manager.store.ChannelWrite;
import dev.slackmgr.manager.store.PendingPost;
import dev.slackmgr.manager.store.ChannelProcessingState;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.slack.SlackGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The imperative shell around the issue engine for one channel at a time (issue-lifecycle.md §3.4, §13.2): under
 * the channel processing lock it loads state from the {@link IssueStore}, applies the event through the
 * {@link ChannelEngine} and commits, in one transaction, the new issue state together with the Slack writes it
 * now owes ({@link EffectRecorder}); the {@link PostSyncer} makes those calls afterwards, outside this step, so a
 * storm of alerts is applied at database speed whatever Slack's rate limits are.
 *
 * <p>Infrastructure failures (database unreachable, lock busy) propagate as exceptions; the caller
 * ({@link InfraRetry}) retries the whole step, which is safe because nothing is committed before the end.
 */
public final class ChannelProcessor {
    private static final Logger log = LoggerFactory.getLogger(ChannelProcessor.class);
    private static final Duration ALERT_LOCK_WAIT = Duration.ofSeconds(30);

    private final IssueStore store;
    private final SlackGateway slack;
    private final ChannelLocks locks;
    private final EffectRecorder recorder;
    private final OutcomeMetrics outcomeMetrics;
    private final java.util.function.Consumer<String> postSyncRequests;
    private final Supplier<ManagerSettings> settings;
    private final Supplier<ChannelEngine> engine;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final boolean hasEncryptionKey;
    private final Duration lockTtl;
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> openGauges =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param postSyncRequests called with a channel after a commit left owed Slack writes there
     */
    public ChannelProcessor(IssueStore store, SlackGateway slack, ChannelLocks locks, EffectRecorder recorder,
                            java.util.function.Consumer<String> postSyncRequests,
                            Supplier<ManagerSettings> settings, Supplier<ChannelEngine> engine, Clock clock,
                            MeterRegistry metrics, boolean hasEncryptionKey, Duration lockTtl) {
        this.store = store;
        this.slack = slack;
        this.locks = locks;
        this.recorder = recorder;
        this.outcomeMetrics = new OutcomeMetrics(metrics, slack::channelNameNow);
        this.postSyncRequests = postSyncRequests;
        this.settings = settings;
        this.engine = engine;
        this.clock = clock;
        this.metrics = metrics;
        this.hasEncryptionKey = hasEncryptionKey;
        this.lockTtl = lockTtl;
    }

    /**
     * Decodes and checks a queued alert body. Bodies that can never be processed (undecodable, invalid, webhooks
     * without an encryption key) are {@link UnprocessableMessageException}s: the queue dead-letters them.
     */
    public ManagedAlert decode(String body) {
        Alert alert;
        try {
            alert = AlertJson.decode(body);
        } catch (AlertDecodeException e) {
            throw new UnprocessableMessageException("alert body cannot be decoded: " + e.getMessage(), e);
        }
        Optional<String> problem = AlertValidator.validate(alert);
        if (problem.isPresent()) {
            throw new UnprocessableMessageException("invalid alert: " + problem.get());
        }
        if (alert.webhooks() != null && !alert.webhooks().isEmpty() && !hasEncryptionKey) {
            throw new UnprocessableMessageException("alert contains webhooks, but no encryption key is configured");
        }
        return AlertIntake.prepare(alert, settings.get());
    }

    /** Applies one alert (issue-lifecycle.md §3.3–3.6). Returns what happened, for logs and metrics. */
    public IssueResult.Outcome processAlert(ManagedAlert received) throws InterruptedException {
        ManagedAlert alert = received;
        Optional<MoveMapping> mapping = store.findMoveMapping(alert.originalSlackChannelId(),
                alert.alert().correlationId());
        if (mapping.isPresent()) {
            alert = AlertIntake.route(alert, mapping.get());
        }
        return apply(alert.channelId(), List.of(alert), mapping.isPresent()).get(0);
    }

    /**
     * True when these alerts, all addressed to the same channel, can be applied together by
     * {@link #processAlerts}: none of their correlation IDs is moved to another channel.
     */
    public boolean appliesTogether(List<ManagedAlert> alerts) {
        String channel = alerts.get(0).originalSlackChannelId();
        for (ManagedAlert a : alerts) {
            if (!a.originalSlackChannelId().equals(channel) || !a.channelId().equals(channel)) {
                return false;
            }
        }
        return store.findMoveMappings(channel, correlationIds(alerts)).isEmpty();
    }

    /**
     * Applies alerts addressed to one channel ({@link #appliesTogether}), in order, under one lock hold and in one
     * transaction; their Slack writes are owed and made later by the {@link PostSyncer}.
     */
    public List<IssueResult.Outcome> processAlerts(List<ManagedAlert> alerts) throws InterruptedException {
        return apply(alerts.get(0).channelId(), alerts, false);
    }

    private List<IssueResult.Outcome> apply(String channel, List<ManagedAlert> received, boolean routed)
            throws InterruptedException {
        List<IssueResult.Outcome> outcomes = new ArrayList<>(received.size());
        String channelName = slack.channelNameNow(channel);
        try (ChannelLocks.Lock ignored = locks.obtain(channel, lockTtl, ALERT_LOCK_WAIT)) {
            Map<String, MoveMapping> now = store.findMoveMappings(received.get(0).originalSlackChannelId(),
                    correlationIds(received));
            for (ManagedAlert a : received) {
                MoveMapping m = now.get(a.alert().correlationId());
                if (m == null ? routed : AlertIntake.misrouted(a, m)) {
                    throw new MoveRaceException(channel, m == null ? a.originalSlackChannelId() : m.targetChannelId());
                }
            }
            Map<String, Issue> openByCorrelation = new HashMap<>();
            for (Issue i : store.findOpenIssuesByCorrelationIds(channel, correlationIds(received))) {
                openByCorrelation.put(i.correlationId(), i);
            }
            int issuesInChannel = store.findChannelProcessingState(channel).map(ChannelProcessingState::openIssues)
                    .orElse(0);
            Instant at = clock.instant();
            Map<String, Issue> touched = new LinkedHashMap<>();
            List<SlackEffect> effects = new ArrayList<>();
            List<StoreOp> ops = new ArrayList<>();
            for (ManagedAlert received1 : received) {
                ManagedAlert alert = received1.withChannelName(channelName);
                Issue open = openByCorrelation.get(alert.alert().correlationId());
                IssueResult result = engine.get().onAlert(open == null ? List.of() : List.of(open), alert,
                        issuesInChannel, at);
                if (result.issue() != null && result.saveIssue()) {
                    touched.put(result.issue().id(), result.issue());
                    openByCorrelation.put(result.issue().correlationId(), result.issue());
                }
                effects.addAll(result.effects());
                ops.addAll(result.store());
                outcomes.add(result.outcome());
            }
            commit(channel, effects, touched, ops, at);
        }
        outcomeMetrics.count(channel, outcomes);
        return outcomes;
    }

    /**
     * Applies a user command to the issue whose current post is {@code command.ts()} (issue-lifecycle.md §11.1):
     * archived issues only when {@code includeArchived}; without an issue only when {@code executeWhenNoIssue}.
     */
    public IssueResult.Outcome processCommand(IssueCommand command, boolean includeArchived,
                                              boolean executeWhenNoIssue) throws InterruptedException {
        String channel = command.channelId();
        try (ChannelLocks.Lock ignored = locks.obtain(channel, lockTtl, ALERT_LOCK_WAIT)) {
            Optional<Issue> issue = command.ts().isEmpty() ? Optional.empty()
                    : store.findIssueBySlackPostId(channel, command.ts())
                    .filter(i -> includeArchived || command.action().includesArchived() || !i.archived());
            if (issue.isEmpty() && !executeWhenNoIssue) {
                return IssueResult.Outcome.NO_ISSUE;
            }
            Instant at = clock.instant();
            IssueResult result = engine.get().issues().apply(issue.orElse(null),
                    new IssueEvent.CommandReceived(command), at);
            Map<String, Issue> issues = new LinkedHashMap<>();
            if (result.issue() != null && result.saveIssue()) {
                issues.put(result.issue().id(), result.issue());
            }
            commit(channel, result.effects(), issues, result.store(), at);
            String event = switch (command.action()) {
                case TERMINATE -> "terminated";
                case RESOLVE -> "resolved";
                case UNRESOLVE -> "unresolved";
                case INVESTIGATE -> "investigated";
                case UNINVESTIGATE -> "uninvestigated";
                case MUTE -> "muted";
                case UNMUTE -> "unmuted";
                default -> "";
            };
            if (!event.isEmpty()) {
                metrics.counter("slackmgr.issue.events", "event", event).increment();
            }
            return result.outcome();
        }
    }

    /**
     * One periodic cycle of a channel (issue-lifecycle.md §13.2): skipped when another pod processed the channel
     * less than an interval ago. Returns the number of open issues (0 = the channel is idle).
     */
    public int tick(String channel) throws InterruptedException {
        outcomeMetrics.flush(channel);
        Duration interval = Duration.ofSeconds(settings.get().issueProcessingIntervalSeconds());
        try (ChannelLocks.Lock ignored = locks.obtain(channel, lockTtl, interval.multipliedBy(2))) {
            Instant now = clock.instant();
            Optional<ChannelProcessingState> state = store.findChannelProcessingState(channel);
            if (state.isPresent() && Duration.between(state.get().lastProcessed(), now).compareTo(interval) < 0) {
                return state.get().openIssues();
            }
            List<Issue> open = store.loadOpenIssuesInChannel(channel);
            Instant created = state.map(ChannelProcessingState::created).orElse(now);
            Instant activity = open.isEmpty() ? state.map(ChannelProcessingState::lastChannelActivity).orElse(now) : now;
            store.saveChannelProcessingState(new ChannelProcessingState(channel, created, activity, now, open.size()));
            if (open.isEmpty()) {
                return 0;
            }
            ChannelTickResult result = engine.get().tick(channel, slack.channelNameNow(channel), open,
                    targetNames(open), now, layoutSettled(open));
            Map<String, Issue> byId = new LinkedHashMap<>();
            result.issues().forEach(i -> byId.put(i.id(), i));
            commit(channel, result.effects(), byId, result.store(), now);
            if (!result.archived().isEmpty()) {
                metrics.counter("slackmgr.issues.archived", "channel", channel).increment(result.archived().size());
            }
            openGauge(channel).set(result.openIssues() - result.archived().size());
            return result.openIssues();
        }
    }

    /** True when no new post or delete owed to these issues is still waiting to be made in Slack. */
    private boolean layoutSettled(List<Issue> open) {
        Map<String, PendingPost> owed = store.findPendingPostsOfIssues(open.stream().map(Issue::id).toList());
        for (Issue i : open) {
            PendingPost p = owed.get(i.id());
            if (p != null && (!p.deletes().isEmpty() || (p.write() && !IssueView.hasPost(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Records the effects as owed writes, writes everything in one transaction and wakes the post syncer. */
    private void commit(String channel, List<SlackEffect> effects, Map<String, Issue> issues, List<StoreOp> ops,
                        Instant now) {
        Map<String, PendingPost> owed = effects.isEmpty() ? Map.of()
                : store.findPendingPostsOfIssues(effects.stream().map(SlackEffect::issueId)
                .filter(id -> !id.isEmpty()).distinct().toList());
        EffectRecorder.Recorded recorded = recorder.record(effects, issues, owed, now);
        store.write(new ChannelWrite(List.of(), List.copyOf(recorded.issues().values()), ops,
                List.copyOf(recorded.pending().values()), List.of(), List.of()));
        if (!recorded.pending().isEmpty()) {
            recorded.pending().values().stream().map(PendingPost::channelId).distinct().forEach(postSyncRequests);
        }
    }

    private static List<String> correlationIds(List<ManagedAlert> alerts) {
        return alerts.stream().map(a -> a.alert().correlationId()).distinct().toList();
    }

    /** {@code slackmgr_channel_open_issues{channel}}, registered once per channel. */
    private java.util.concurrent.atomic.AtomicInteger openGauge(String channel) {
        return openGauges.computeIfAbsent(channel, c -> metrics.gauge("slackmgr.channel.open.issues",
                io.micrometer.core.instrument.Tags.of("channel", c), new java.util.concurrent.atomic.AtomicInteger()));
    }

    /** Names of channels escalations may move issues to. */
    private Map<String, String> targetNames(List<Issue> open) {
        Map<String, String> names = new HashMap<>();
        for (Issue i : open) {
            if (i.lastAlert() == null || i.lastAlert().alert().escalation() == null) {
                continue;
            }
            i.lastAlert().alert().escalation().forEach(e -> {
                if (e != null && !e.moveToChannel().isEmpty()) {
                    names.computeIfAbsent(e.moveToChannel(), id -> slack.channel(id).name());
                }
            });
        }
        return names;
    }

    /** The alert's issue was moved to another channel while the alert waited: route it again. */
    public static final class MoveRaceException extends RuntimeException {
        public MoveRaceException(String channel, String target) {
            super("issue moved from " + channel + " to " + target + " meanwhile");
        }
    }
}
