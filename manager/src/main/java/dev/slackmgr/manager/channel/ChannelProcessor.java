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
import dev.slackmgr.manager.issue.ManagedAlert;
import dev.slackmgr.manager.issue.ManagerSettings;
import dev.slackmgr.manager.issue.MoveMapping;
import dev.slackmgr.manager.issue.StoreOp;
import dev.slackmgr.manager.store.ChannelProcessingState;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.slack.SlackGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The imperative shell around the issue engine for one channel at a time (issue-lifecycle.md §3.4, §13.2): under
 * the channel processing lock it loads state from the {@link IssueStore}, applies the event through the
 * {@link ChannelEngine}, makes the Slack calls ({@link EffectExecutor}) and persists the result.
 *
 * <p>Infrastructure failures (database or Slack unreachable, lock busy) propagate as exceptions; the caller
 * ({@link InfraRetry}) retries the whole step, which is safe because nothing is committed before the end and
 * posts are protected by post intents.
 */
public final class ChannelProcessor {
    private static final Logger log = LoggerFactory.getLogger(ChannelProcessor.class);
    private static final Duration ALERT_LOCK_WAIT = Duration.ofSeconds(30);

    private final IssueStore store;
    private final SlackGateway slack;
    private final ChannelLocks locks;
    private final EffectExecutor executor;
    private final Supplier<ManagerSettings> settings;
    private final Supplier<ChannelEngine> engine;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final boolean hasEncryptionKey;
    private final Duration lockTtl;
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> openGauges =
            new java.util.concurrent.ConcurrentHashMap<>();

    public ChannelProcessor(IssueStore store, SlackGateway slack, ChannelLocks locks, EffectExecutor executor,
                            Supplier<ManagerSettings> settings, Supplier<ChannelEngine> engine, Clock clock,
                            MeterRegistry metrics, boolean hasEncryptionKey, Duration lockTtl) {
        this.store = store;
        this.slack = slack;
        this.locks = locks;
        this.executor = executor;
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
        String channel = alert.channelId();
        try (ChannelLocks.Lock ignored = locks.obtain(channel, lockTtl, ALERT_LOCK_WAIT)) {
            Optional<MoveMapping> now = store.findMoveMapping(alert.originalSlackChannelId(),
                    alert.alert().correlationId());
            if (now.isPresent() && AlertIntake.misrouted(alert, now.get())) {
                throw new MoveRaceException(channel, now.get().targetChannelId());
            }
            alert = alert.withChannelName(slack.channel(channel).name());
            List<Issue> open = store.findOpenIssueByCorrelationId(channel, alert.alert().correlationId())
                    .map(List::of).orElse(List.of());
            int issuesInChannel = store.findChannelProcessingState(channel).map(ChannelProcessingState::openIssues)
                    .orElse(0);
            IssueResult result = engine.get().onAlert(open, alert, issuesInChannel, clock.instant());
            Map<String, Issue> issues = new LinkedHashMap<>();
            if (result.issue() != null) {
                issues.put(result.issue().id(), result.issue());
            }
            Map<String, Issue> after = executor.run(result.effects(), issues, false);
            persist(result.store());
            if (result.saveIssue() && result.issue() != null && after.containsKey(result.issue().id())) {
                Issue saved = after.get(result.issue().id());
                store.saveIssue(saved);
                store.deletePostIntent(channel, saved.correlationId());
            }
            countOutcome(alert.slackChannelName().isEmpty() ? channel : alert.slackChannelName(), result.outcome());
            return result.outcome();
        }
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
            IssueResult result = engine.get().issues().apply(issue.orElse(null),
                    new IssueEvent.CommandReceived(command), clock.instant());
            Map<String, Issue> issues = new LinkedHashMap<>();
            if (result.issue() != null) {
                issues.put(result.issue().id(), result.issue());
            }
            Map<String, Issue> after = executor.run(result.effects(), issues, false);
            persist(result.store());
            if (result.saveIssue() && result.issue() != null && after.containsKey(result.issue().id())) {
                store.saveIssue(after.get(result.issue().id()));
            }
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
            ChannelTickResult result = engine.get().tick(channel, slack.channel(channel).name(), open,
                    targetNames(open), now);
            Map<String, Issue> byId = new LinkedHashMap<>();
            result.issues().forEach(i -> byId.put(i.id(), i));
            Map<String, Issue> after = executor.run(result.effects(), byId, true);
            persist(result.store());
            store.saveIssues(List.copyOf(after.values()));
            if (!result.archived().isEmpty()) {
                metrics.counter("slackmgr.issues.archived", "channel", channel).increment(result.archived().size());
            }
            openGauge(channel).set(result.openIssues() - result.archived().size());
            return result.openIssues();
        }
    }

    /** {@code slackmgr_channel_open_issues{channel}}, registered once per channel. */
    private java.util.concurrent.atomic.AtomicInteger openGauge(String channel) {
        return openGauges.computeIfAbsent(channel, c -> metrics.gauge("slackmgr.channel.open.issues",
                io.micrometer.core.instrument.Tags.of("channel", c), new java.util.concurrent.atomic.AtomicInteger()));
    }

    /** The reference's channel metrics (observability-and-config.md §1.2), labelled with the channel name. */
    private void countOutcome(String channelName, IssueResult.Outcome outcome) {
        metrics.counter("slackmgr.alerts.processed", "channel", channelName).increment();
        if (outcome == IssueResult.Outcome.CREATED) {
            // the reference's issues_created_total: "_created" is a reserved OpenMetrics suffix that the
            // Prometheus client strips, so the counter is named issues_opened (docs/compatibility.md)
            metrics.counter("slackmgr.issues.opened", "channel", channelName).increment();
        } else if (outcome == IssueResult.Outcome.GROUPED) {
            metrics.counter("slackmgr.alerts.grouped", "channel", channelName).increment();
        } else if (outcome == IssueResult.Outcome.IGNORED) {
            metrics.counter("slackmgr.alerts.ignored", "channel", channelName).increment();
        }
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

    private void persist(List<StoreOp> ops) {
        for (StoreOp op : ops) {
            if (op instanceof StoreOp.SaveAlert a) {
                store.saveAlert(a.alert());
            } else if (op instanceof StoreOp.SaveMoveMapping m) {
                store.saveMoveMapping(m.mapping());
            } else if (op instanceof StoreOp.DeleteMoveMapping d) {
                store.deleteMoveMapping(d.originalChannelId(), d.correlationId());
            }
        }
    }

    /** The alert's issue was moved to another channel while the alert waited: route it again. */
    public static final class MoveRaceException extends RuntimeException {
        public MoveRaceException(String channel, String target) {
            super("issue moved from " + channel + " to " + target + " meanwhile");
        }
    }
}
