package dev.slackmgr.manager.channel;

import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.SlackEffect;
import dev.slackmgr.manager.slack.SlackCallException;
import dev.slackmgr.manager.store.PendingPost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the engine's Slack effects into owed writes ({@link PendingPost}, one per issue, coalesced) that the
 * {@link PostSyncer} executes later, so applying an alert never waits for Slack. Moves and deletes of messages
 * that are no issue post are executed at once: a move re-homes the issue under the target channel's lock.
 */
public final class EffectRecorder {
    private static final Logger log = LoggerFactory.getLogger(EffectRecorder.class);

    private final IssueMover mover;
    private final PostCalls calls;
    private final Supplier<String> currentTrace;

    public EffectRecorder(IssueMover mover, PostCalls calls) {
        this(mover, calls, () -> null);
    }

    /**
     * @param currentTrace the W3C {@code traceparent} of the current span (or {@code null}): owed writes recorded
     *                     under it carry it, so the Slack calls that make them continue its trace
     */
    public EffectRecorder(IssueMover mover, PostCalls calls, Supplier<String> currentTrace) {
        this.mover = mover;
        this.calls = calls;
        this.currentTrace = currentTrace;
    }

    /** Issues to save (moved ones left out: the mover saved them) and owed writes to store, by issue ID. */
    public record Recorded(Map<String, Issue> issues, Map<String, PendingPost> pending) {
    }

    /**
     * @param issues  the issues after the engine step, by ID
     * @param owed    the owed writes already stored for these issues, by issue ID
     */
    public Recorded record(List<SlackEffect> effects, Map<String, Issue> issues, Map<String, PendingPost> owed,
                           Instant now) {
        Map<String, Issue> out = new LinkedHashMap<>(issues);
        Map<String, PendingPost> pending = new LinkedHashMap<>();
        String trace = effects.isEmpty() ? null : currentTrace.get();
        for (int n = 0; n < effects.size(); n++) {
            SlackEffect effect = effects.get(n);
            // one microsecond per effect keeps the engine's order through the database's microsecond timestamps
            Instant at = now.plusNanos(n * 1_000L);
            if (effect instanceof SlackEffect.MoveIssue move) {
                mover.move(move, calls);
                out.remove(move.issueId());
                continue;
            }
            if (effect.issueId().isEmpty()) {
                deleteNow(effect);
                continue;
            }
            PendingPost current = pending.get(effect.issueId());
            if (current == null) {
                current = owed.get(effect.issueId());
            }
            if (current == null) {
                current = PendingPost.none(effect.issueId(), channelOf(effect), now);
            }
            pending.put(effect.issueId(), current.plus(effect, at).tracedBy(trace));
        }
        return new Recorded(out, pending);
    }

    private void deleteNow(SlackEffect effect) {
        if (!(effect instanceof SlackEffect.DeleteMessage d)) {
            return;
        }
        try {
            calls.delete(d.channelId(), d.ts(), d.tombstone());
        } catch (SlackCallException e) {
            if (e.transientFailure()) {
                throw e;
            }
            log.warn("Could not delete message {} in {}: {}", d.ts(), d.channelId(), e.errorCode());
        }
    }

    private static String channelOf(SlackEffect effect) {
        if (effect instanceof SlackEffect.PostMessage p) {
            return p.content().channelId();
        }
        if (effect instanceof SlackEffect.UpdateMessage u) {
            return u.content().channelId();
        }
        if (effect instanceof SlackEffect.DeleteMessage d) {
            return d.channelId();
        }
        throw new IllegalArgumentException("no channel for " + effect.getClass().getSimpleName());
    }
}
