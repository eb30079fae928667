package dev.slackmgr.manager.store;

import dev.slackmgr.manager.issue.SlackEffect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Slack writes still owed to one issue's post, coalesced: first delete these old posts (in order), then – if
 * {@code write} – bring the issue's post to the issue's <em>current</em> state (post it when it has none yet,
 * else {@code chat.update}). However many alerts change an issue before Slack's rate limits allow a call, only its
 * latest state is sent.
 *
 * @param channelId channel of the deletes, and of the write (dropped when the issue has moved meanwhile)
 * @param queuedAt  when the oldest owed write was recorded (syncing order)
 * @param traceparent W3C trace context of the latest traced change that owes these writes (the Slack calls continue
 *                  its trace), or {@code null}
 */
public record PendingPost(String issueId, String channelId, List<Delete> deletes, boolean write, Instant queuedAt,
                          String traceparent) {

    public PendingPost {
        deletes = List.copyOf(deletes);
        traceparent = traceparent == null || traceparent.isEmpty() ? null : traceparent;
    }

    /** Without trace context. */
    public PendingPost(String issueId, String channelId, List<Delete> deletes, boolean write, Instant queuedAt) {
        this(issueId, channelId, deletes, write, queuedAt, null);
    }

    /** This, owed by the change of trace {@code traceparent} now (unchanged when it is {@code null}). */
    public PendingPost tracedBy(String traceparent) {
        if (traceparent == null || traceparent.equals(this.traceparent)) {
            return this;
        }
        return new PendingPost(issueId, channelId, deletes, write, queuedAt, traceparent);
    }

    /** Delete post {@code ts}; with {@code keepThread} a post with thread replies becomes a tombstone instead. */
    public record Delete(String ts, boolean keepThread) {
    }

    /** Nothing owed yet. */
    public static PendingPost none(String issueId, String channelId, Instant now) {
        return new PendingPost(issueId, channelId, List.of(), false, now);
    }

    public boolean isEmpty() {
        return deletes.isEmpty() && !write;
    }

    /**
     * Adds one engine effect of this issue (post, update or delete; moves are executed at once, not owed). A write
     * after a delete means a new post; a delete drops an owed write (it was for the deleted post). Owed writes are
     * made oldest {@code queuedAt} first, and new posts of a channel must appear in the order the engine decided
     * them (severity reordering): a delete or a new post re-queues the write at {@code at}, the effect's position
     * (callers pass increasing instants for the effects of one step); an update keeps the older position.
     */
    public PendingPost plus(SlackEffect effect, Instant at) {
        if (effect instanceof SlackEffect.UpdateMessage) {
            return new PendingPost(issueId, channelId, deletes, true, queuedAt, traceparent);
        }
        if (effect instanceof SlackEffect.PostMessage) {
            // a new post takes its place in the channel's post order: the order the engine decided
            return new PendingPost(issueId, channelId, deletes, true, write ? queuedAt : at, traceparent);
        }
        if (effect instanceof SlackEffect.DeleteMessage d) {
            List<Delete> more = new ArrayList<>(deletes);
            if (more.stream().noneMatch(x -> x.ts().equals(d.ts()))) {
                more.add(new Delete(d.ts(), d.tombstone() != null));
            }
            return new PendingPost(issueId, d.channelId(), more, false, at, traceparent);
        }
        throw new IllegalArgumentException("not an owed Slack write: " + effect.getClass().getSimpleName());
    }

    /** This with the first delete done. */
    public PendingPost withoutFirstDelete() {
        return new PendingPost(issueId, channelId, deletes.subList(1, deletes.size()), write, queuedAt, traceparent);
    }
}
