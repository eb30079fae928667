package dev.slackmgr.manager.channel;

import dev.slackmgr.manager.issue.ChannelEngine;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueView;
import dev.slackmgr.manager.issue.PostAction;
import dev.slackmgr.manager.issue.PostOutcomes;
import dev.slackmgr.manager.post.PostContent;
import dev.slackmgr.manager.slack.SlackAction;
import dev.slackmgr.manager.slack.SlackCallException;
import dev.slackmgr.manager.slack.SlackGateway;
import dev.slackmgr.manager.store.ChannelWrite;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.store.PendingPost;
import dev.slackmgr.manager.store.PostIntent;
import dev.slackmgr.common.queue.QueueTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Brings a channel's issue posts up to date: executes the owed writes ({@link PendingPost}) oldest first, each
 * rendering the issue's <em>current</em> state, so an issue that changed many times while Slack's rate limits
 * held it back gets one call. Runs under the channel lock (never concurrently with the alert processing of the
 * channel, on any pod) but only makes calls whose rate-limit slot is free right now ({@link
 * SlackGateway#reserveNow}); otherwise it releases the lock and says when to come back.
 *
 * <p>Slack refusals (e.g. {@code channel_not_found}) are folded into the issue ({@link PostOutcomes#writeFailed});
 * transient failures propagate and the owed write stays for the next attempt. A post is made with a post intent
 * ({@link PostCalls}), so a crash between the post and the commit of its ts never leads to a second post.
 */
public final class PostSyncer {
    private static final Logger log = LoggerFactory.getLogger(PostSyncer.class);
    private static final int PAGE = 100;
    private static final Duration LOCK_WAIT = Duration.ofMillis(200);
    private static final Duration BUSY_RETRY = Duration.ofMillis(100);
    /** How long one run may hold the channel lock before letting alert processing in. */
    private static final Duration MAX_HOLD = Duration.ofSeconds(2);

    private final IssueStore store;
    private final SlackGateway slack;
    private final ChannelLocks locks;
    private final PostCalls calls;
    private final Supplier<ChannelEngine> engine;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Duration lockTtl;
    private final QueueTracing tracing;

    public PostSyncer(IssueStore store, SlackGateway slack, ChannelLocks locks, PostCalls calls,
                      Supplier<ChannelEngine> engine, Clock clock, MeterRegistry metrics, Duration lockTtl) {
        this(store, slack, locks, calls, engine, clock, metrics, lockTtl, QueueTracing.NOOP);
    }

    /**
     * With {@code tracing}: syncing one owed write is a span that continues the trace the write was recorded in
     * ({@link PendingPost#traceparent()}), so its Slack calls belong to the alert's trace.
     */
    public PostSyncer(IssueStore store, SlackGateway slack, ChannelLocks locks, PostCalls calls,
                      Supplier<ChannelEngine> engine, Clock clock, MeterRegistry metrics, Duration lockTtl,
                      QueueTracing tracing) {
        this.tracing = tracing;
        this.store = store;
        this.slack = slack;
        this.locks = locks;
        this.calls = calls;
        this.engine = engine;
        this.clock = clock;
        this.metrics = metrics;
        this.lockTtl = lockTtl;
    }

    /**
     * One run over the channel's owed writes.
     *
     * @return {@code null} when nothing is owed any more, else when to run again
     */
    public Duration sync(String channel) throws InterruptedException {
        ChannelLocks.Lock lock;
        try {
            lock = locks.obtain(channel, lockTtl, LOCK_WAIT);
        } catch (ChannelLocks.LockUnavailableException e) {
            return BUSY_RETRY;
        }
        try (lock) {
            long deadline = System.nanoTime() + MAX_HOLD.toNanos();
            List<PendingPost> owed = store.findPendingPosts(channel, PAGE);
            Duration soonest = null;
            Run run = new Run();
            for (PendingPost p : owed) {
                if (System.nanoTime() > deadline) {
                    return Duration.ZERO;
                }
                Duration wait = sync(p, run);
                if (wait != null && (soonest == null || wait.compareTo(soonest) < 0)) {
                    soonest = wait;
                }
            }
            if (soonest != null) {
                return soonest;
            }
            return owed.size() == PAGE ? Duration.ZERO : null;
        }
    }

    /** State of one run over a channel: once a new post had to wait, later posts wait too (order). */
    private static final class Run {
        Duration postsBlocked;
    }

    /** {@link #syncOne} in a span continuing the owed write's trace (when tracing is on). */
    private Duration sync(PendingPost owed, Run run) {
        if (!tracing.enabled()) {
            return syncOne(owed, run);
        }
        Span span = tracing.continueTrace(owed.traceparent()).name("issue post sync")
                .tag("slackmgr.issue_id", owed.issueId()).tag("slackmgr.channel_id", owed.channelId()).start();
        try (Tracer.SpanInScope ignored = tracing.tracer().withSpan(span)) {
            Duration wait = syncOne(owed, run);
            if (wait != null) {
                span.tag("slackmgr.post_sync.wait_ms", Long.toString(wait.toMillis()));
            }
            return wait;
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Executes what it can of one owed write; returns null when it is done, else how long until a slot is free. */
    private Duration syncOne(PendingPost owed, Run run) {
        PendingPost p = owed;
        Optional<Issue> found = store.findIssue(p.issueId());
        if (!p.deletes().isEmpty() && p.write() && run.postsBlocked != null) {
            // its re-post must not overtake an earlier new post that is waiting
            return run.postsBlocked;
        }
        while (!p.deletes().isEmpty()) {
            PendingPost.Delete d = p.deletes().get(0);
            Duration wait = slack.reserveNow(d.keepThread() ? SlackAction.CONVERSATIONS_REPLIES
                    : SlackAction.CHAT_DELETE, p.channelId());
            if (!wait.isZero()) {
                if (p.write()) {
                    // a delete followed by a re-post: later new posts of the channel wait behind it
                    run.postsBlocked = wait;
                }
                return wait;
            }
            PostContent tombstone = d.keepThread() && found.isPresent()
                    ? engine.get().issues().renderer().tombstone(found.get(), clock.instant()) : null;
            try {
                if (d.keepThread() && tombstone == null) {
                    // the issue is gone (expired): no tombstone to show, but a thread must not be deleted
                    if (!slack.hasReplies(p.channelId(), d.ts())) {
                        slack.deleteMessage(p.channelId(), d.ts());
                    }
                } else {
                    calls.delete(p.channelId(), d.ts(), tombstone);
                }
                count("delete");
            } catch (SlackCallException e) {
                if (e.transientFailure()) {
                    throw e;
                }
                log.warn("Issue {}: could not delete old post {}: {}", p.issueId(), d.ts(), e.errorCode());
            }
            p = p.withoutFirstDelete();
            store.write(new ChannelWrite(List.of(), List.of(), List.of(), List.of(p), List.of(), List.of()));
        }
        if (!p.write()) {
            return null;
        }
        Issue issue = found.orElse(null);
        if (issue == null || !IssueView.channelId(issue).equals(p.channelId()) || IssueView.hasInvalidChannel(issue)
                || issue.slackPostLastAction() == PostAction.NONE) {
            // archived away, moved to another channel (the move posted there) or nothing to show
            store.write(done(p, null, null));
            return null;
        }
        boolean update = IssueView.hasPost(issue);
        if (!update && run.postsBlocked != null) {
            return run.postsBlocked;
        }
        Duration wait = slack.reserveNow(update ? SlackAction.CHAT_UPDATE : SlackAction.CHAT_POST, p.channelId());
        if (!wait.isZero()) {
            if (!update) {
                run.postsBlocked = wait;
            }
            return wait;
        }
        PostContent content = engine.get().issues().renderer().render(issue, issue.slackPostLastAction(),
                clock.instant());
        Issue after;
        PostIntent settled = null;
        try {
            if (update) {
                slack.updateMessage(p.channelId(), issue.slackPostId(), content);
                after = issue;
                count("update");
            } else {
                after = calls.post(content, issue);
                settled = new PostIntent(p.channelId(), issue.correlationId(), issue.id(), clock.instant());
                count("post");
            }
        } catch (SlackCallException e) {
            if (e.transientFailure()) {
                throw e;
            }
            log.warn("Issue {}: Slack refused the {} of its post: {}", issue.id(), update ? "update" : "post",
                    e.errorCode());
            after = PostOutcomes.writeFailed(issue, e.errorCode());
            if (!update) {
                // refused: no post was made that a later attempt would have to adopt
                settled = new PostIntent(p.channelId(), issue.correlationId(), issue.id(), clock.instant());
            }
        }
        store.write(done(p, after == issue ? null : after, settled));
        return null;
    }

    private static ChannelWrite done(PendingPost p, Issue changed, PostIntent settled) {
        return new ChannelWrite(List.of(), changed == null ? List.of() : List.of(changed), List.of(), List.of(),
                List.of(p.issueId()), settled == null ? List.of() : List.of(settled));
    }

    private void count(String kind) {
        metrics.counter("slackmgr.post.sync.calls", "kind", kind).increment();
    }
}
