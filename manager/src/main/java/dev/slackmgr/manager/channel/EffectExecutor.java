package dev.slackmgr.manager.channel;

import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.PostOutcomes;
import dev.slackmgr.manager.issue.SlackEffect;
import dev.slackmgr.manager.slack.SlackCallException;
import dev.slackmgr.manager.slack.SlackGateway;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.store.PostIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the Slack calls the engine asked for, in order, and folds their outcomes back into the issues
 * ({@link PostOutcomes}). Never posts twice: before {@code chat.postMessage} a {@link PostIntent} is stored; if
 * one is already there (an earlier attempt crashed between the post and the DB commit), the post carrying the
 * issue's correlation ID in its metadata is looked up and adopted instead.
 *
 * <p>A Slack answer error (e.g. {@code channel_not_found}) is folded into the issue; a transient failure
 * (Slack unreachable after retries) propagates so the whole message is retried later.
 */
public final class EffectExecutor {
    private static final Logger log = LoggerFactory.getLogger(EffectExecutor.class);
    /** How far before the intent the history search starts (clock skew between pods). */
    private static final Duration SEARCH_MARGIN = Duration.ofMinutes(2);

    private final SlackGateway slack;
    private final IssueStore store;
    private final Clock clock;
    private final IssueMover mover;

    public EffectExecutor(SlackGateway slack, IssueStore store, Clock clock, IssueMover mover) {
        this.slack = slack;
        this.store = store;
        this.clock = clock;
        this.mover = mover;
    }

    /**
     * Runs {@code effects} against the given issues (by ID) and returns their new state. Moved issues are
     * persisted by the {@link IssueMover} and left out of the result.
     *
     * @param stopAtFirstFailure periodic cycle: after the first failed call the remaining writes are reported as
     *                           {@code not_executed} (issue-lifecycle.md §13.2)
     */
    public Map<String, Issue> run(List<SlackEffect> effects, Map<String, Issue> issues, boolean stopAtFirstFailure) {
        Map<String, Issue> out = new LinkedHashMap<>(issues);
        String failed = null;
        for (SlackEffect effect : effects) {
            Issue issue = out.get(effect.issueId());
            if (effect instanceof SlackEffect.MoveIssue move) {
                mover.move(move, this);
                out.remove(move.issueId());
                continue;
            }
            if (failed != null && issue != null) {
                out.put(issue.id(), PostOutcomes.failed(issue, effect, "not_executed"));
                continue;
            }
            try {
                Issue after = execute(effect, issue);
                if (after != null) {
                    out.put(after.id(), after);
                }
            } catch (SlackCallException e) {
                if (e.transientFailure()) {
                    throw e;
                }
                log.warn("Issue {}: Slack refused {}: {}", effect.issueId(), effect.getClass().getSimpleName(),
                        e.errorCode());
                if (issue != null) {
                    out.put(issue.id(), PostOutcomes.failed(issue, effect, e.errorCode()));
                }
                if (stopAtFirstFailure) {
                    failed = e.errorCode();
                }
            }
        }
        return out;
    }

    private Issue execute(SlackEffect effect, Issue issue) {
        if (effect instanceof SlackEffect.PostMessage p) {
            return issue == null ? null : post(p, issue);
        }
        if (effect instanceof SlackEffect.UpdateMessage u) {
            slack.updateMessage(u.content().channelId(), u.ts(), u.content());
        } else if (effect instanceof SlackEffect.DeleteMessage d) {
            delete(d);
        }
        return issue;
    }

    /** Posts a new issue post unless an earlier attempt already did (see class comment). */
    Issue post(SlackEffect.PostMessage p, Issue issue) {
        String channel = p.content().channelId();
        Optional<PostIntent> earlier = store.findPostIntent(channel, issue.correlationId());
        if (earlier.isPresent()) {
            Optional<String> existing = slack.findIssuePost(channel, issue.correlationId(),
                    earlier.get().createdAt().minus(SEARCH_MARGIN));
            if (existing.isPresent()) {
                log.info("Issue {}: adopting post {} made before a restart instead of posting again", issue.id(),
                        existing.get());
                slack.updateMessage(channel, existing.get(), p.content());
                return PostOutcomes.created(issue, existing.get());
            }
        }
        store.savePostIntent(new PostIntent(channel, issue.correlationId(), issue.id(), clock.instant()));
        return PostOutcomes.created(issue, slack.postMessage(p.content()));
    }

    void delete(SlackEffect.DeleteMessage d) {
        if (d.tombstone() != null && slack.hasReplies(d.channelId(), d.ts())) {
            slack.updateMessage(d.channelId(), d.ts(), d.tombstone());
        } else {
            slack.deleteMessage(d.channelId(), d.ts());
        }
    }
}
