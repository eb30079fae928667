package dev.slackmgr.manager.channel;

import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.PostOutcomes;
import dev.slackmgr.manager.issue.SlackEffect;
import dev.slackmgr.manager.issue.StoreOp;
import dev.slackmgr.manager.slack.SlackCallException;
import dev.slackmgr.manager.slack.SlackGateway;
import dev.slackmgr.manager.store.IssueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Moves an issue to another channel (issue-lifecycle.md §15) as the engine's {@link SlackEffect.MoveIssue}
 * describes: under the target channel's lock, write the move mapping, delete the old post, post in the target
 * channel and re-home the issue in the database. When the bot cannot post in the target, the issue stays
 * where it is ({@code unmoved}).
 */
public final class IssueMover {
    private static final Logger log = LoggerFactory.getLogger(IssueMover.class);
    private static final Duration TARGET_LOCK_TTL = Duration.ofSeconds(30);

    private final SlackGateway slack;
    private final IssueStore store;
    private final ChannelLocks locks;

    public IssueMover(SlackGateway slack, IssueStore store, ChannelLocks locks) {
        this.slack = slack;
        this.store = store;
        this.locks = locks;
    }

    void move(SlackEffect.MoveIssue move, PostCalls calls) {
        SlackGateway.ChannelView target = slack.channel(move.targetChannelId());
        if (!target.exists() || !target.botMember()) {
            log.warn("Issue {}: cannot move to {} (bot not in channel); it stays in {}", move.issueId(),
                    move.targetChannelId(), move.sourceChannelId());
            store.saveIssue(move.unmoved());
            return;
        }
        try (ChannelLocks.Lock ignored = locks.obtain(move.targetChannelId(), TARGET_LOCK_TTL, TARGET_LOCK_TTL)) {
            applyMapping(move.mappingOp());
            if (move.deleteOldPost() != null) {
                SlackEffect.DeleteMessage old = move.deleteOldPost();
                tolerate(() -> calls.delete(old.channelId(), old.ts(), old.tombstone()), move, "delete the old post");
            }
            Issue moved = move.moved();
            if (move.newPost() != null) {
                try {
                    moved = calls.post(move.newPost().content(), moved);
                } catch (SlackCallException e) {
                    if (e.transientFailure()) {
                        throw e;
                    }
                    moved = PostOutcomes.failed(moved, move.newPost(), e.errorCode());
                }
            }
            store.moveIssue(moved, move.sourceChannelId(), move.targetChannelId());
            store.deletePostIntent(move.targetChannelId(), moved.correlationId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while moving issue " + move.issueId(), e);
        }
    }

    private void applyMapping(StoreOp op) {
        if (op instanceof StoreOp.SaveMoveMapping s) {
            store.saveMoveMapping(s.mapping());
        } else if (op instanceof StoreOp.DeleteMoveMapping d) {
            store.deleteMoveMapping(d.originalChannelId(), d.correlationId());
        }
    }

    private static void tolerate(Runnable call, SlackEffect.MoveIssue move, String what) {
        try {
            call.run();
        } catch (SlackCallException e) {
            if (e.transientFailure()) {
                throw e;
            }
            log.warn("Issue {}: could not {}: {}", move.issueId(), what, e.errorCode());
        }
    }
}
