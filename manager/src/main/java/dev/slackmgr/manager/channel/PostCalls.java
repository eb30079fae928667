package dev.slackmgr.manager.channel;

import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.PostOutcomes;
import dev.slackmgr.manager.post.PostContent;
import dev.slackmgr.manager.slack.SlackGateway;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.store.PostIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The Slack calls of an issue post that need more than one request. Never posts twice: before
 * {@code chat.postMessage} a {@link PostIntent} is stored; if one is already there (an earlier attempt crashed
 * between the post and the DB commit), the post carrying the issue's correlation ID in its metadata is looked up
 * and adopted instead. The caller deletes the intent when it commits the post's ts.
 */
public final class PostCalls {
    private static final Logger log = LoggerFactory.getLogger(PostCalls.class);
    /** How far before the intent the history search starts (clock skew between pods). */
    private static final Duration SEARCH_MARGIN = Duration.ofMinutes(2);

    private final SlackGateway slack;
    private final IssueStore store;
    private final Clock clock;

    public PostCalls(SlackGateway slack, IssueStore store, Clock clock) {
        this.slack = slack;
        this.store = store;
        this.clock = clock;
    }

    /** Posts {@code content} as the issue's new post unless an earlier attempt already did; returns the issue with its ts. */
    public Issue post(PostContent content, Issue issue) {
        String channel = content.channelId();
        Optional<PostIntent> earlier = store.findPostIntent(channel, issue.correlationId());
        if (earlier.isPresent()) {
            Optional<String> existing = slack.findIssuePost(channel, issue.correlationId(),
                    earlier.get().createdAt().minus(SEARCH_MARGIN));
            if (existing.isPresent()) {
                log.info("Issue {}: adopting post {} made before a restart instead of posting again", issue.id(),
                        existing.get());
                slack.updateMessage(channel, existing.get(), content);
                return PostOutcomes.created(issue, existing.get());
            }
        }
        store.savePostIntent(new PostIntent(channel, issue.correlationId(), issue.id(), clock.instant()));
        return PostOutcomes.created(issue, slack.postMessage(content));
    }

    /** Deletes a post; with a {@code tombstone}, a post with thread replies is replaced by it instead. */
    public void delete(String channelId, String ts, PostContent tombstone) {
        if (tombstone != null && slack.hasReplies(channelId, ts)) {
            slack.updateMessage(channelId, ts, tombstone);
        } else {
            slack.deleteMessage(channelId, ts);
        }
    }
}
