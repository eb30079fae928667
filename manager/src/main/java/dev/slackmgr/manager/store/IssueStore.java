package dev.slackmgr.manager.store;

import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.ManagedAlert;
import dev.slackmgr.manager.issue.MoveMapping;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manager's database port (storage.md §2). "Not found" is an empty result, never an error; a failure
 * to reach the database is a {@link StoreUnavailableException} (the caller retries the message later).
 * Invalid arguments (empty channel, null issue) are {@link IllegalArgumentException}s.
 */
public interface IssueStore {

    /** Audit copy of a processed alert; saving the same alert again is allowed (upsert by unique ID). */
    void saveAlert(ManagedAlert alert);

    /** Creates or replaces the issue by ID, refreshing its indexed columns. */
    void saveIssue(Issue issue);

    /** {@link #saveIssue} for many, in one transaction; an empty list is a no-op. */
    void saveIssues(List<Issue> issues);

    /** Re-homes an issue: afterwards it is found under the target channel only. Source == target is an error. */
    void moveIssue(Issue issue, String sourceChannelId, String targetChannelId);

    /** The single open (not archived) issue of this channel with this correlation ID. */
    Optional<Issue> findOpenIssueByCorrelationId(String channelId, String correlationId);

    /** The issue whose current Slack post is {@code postId} in this channel, open or archived. */
    Optional<Issue> findIssueBySlackPostId(String channelId, String postId);

    /** Channels with at least one open issue. */
    List<String> findActiveChannels();

    /** All open issues of a channel. */
    List<Issue> loadOpenIssuesInChannel(String channelId);

    void saveMoveMapping(MoveMapping mapping);

    /** The mapping of alerts addressed to {@code originalChannelId} with this correlation ID. */
    Optional<MoveMapping> findMoveMapping(String originalChannelId, String correlationId);

    /** Deleting a missing mapping is not an error. */
    void deleteMoveMapping(String originalChannelId, String correlationId);

    void saveChannelProcessingState(ChannelProcessingState state);

    Optional<ChannelProcessingState> findChannelProcessingState(String channelId);

    /**
     * Records, durably and before {@code chat.postMessage} is called, that a post for this issue is about to
     * be made. Together with the post's message metadata it lets a restarted manager find and adopt a post
     * made just before a crash instead of posting twice.
     */
    void savePostIntent(PostIntent intent);

    /** The outstanding intent for (channel, correlation ID), if a post was started and not yet recorded. */
    Optional<PostIntent> findPostIntent(String channelId, String correlationId);

    /** Removes the intent once the post's ts is saved with the issue (missing intent: no error). */
    void deletePostIntent(String channelId, String correlationId);

    /** The issue with this ID, open or archived. */
    Optional<Issue> findIssue(String issueId);

    /** The open issues of a channel with any of these correlation IDs. */
    List<Issue> findOpenIssuesByCorrelationIds(String channelId, Collection<String> correlationIds);

    /** The move mappings of alerts addressed to {@code originalChannelId} with any of these correlation IDs. */
    Map<String, MoveMapping> findMoveMappings(String originalChannelId, Collection<String> correlationIds);

    /** Writes everything in {@code write} in one transaction (all or nothing). */
    void write(ChannelWrite write);

    /** The owed Slack writes of a channel, oldest first. */
    List<PendingPost> findPendingPosts(String channelId, int limit);

    /** The owed Slack writes of these issues, by issue ID. */
    Map<String, PendingPost> findPendingPostsOfIssues(Collection<String> issueIds);

    /** Channels with owed Slack writes. */
    List<String> findChannelsWithPendingPosts();
}
