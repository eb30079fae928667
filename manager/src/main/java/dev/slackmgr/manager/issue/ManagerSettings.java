package dev.slackmgr.manager.issue;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Hot-reloadable manager settings with the reference's names and defaults (issue-lifecycle.md §17.1).
 * Zero or negative numbers fall back to the default; range validation belongs to the loader.
 */
public record ManagerSettings(
        String appFriendlyName,
        List<String> globalAdmins,
        String defaultPostIconEmoji,
        String defaultPostUsername,
        String defaultAlertSeverity,
        long defaultIssueArchivingDelaySeconds,
        boolean disableIssueReordering,
        int issueReorderingLimit,
        int issueProcessingIntervalSeconds,
        IssueReactions issueReactions,
        IssueStatus issueStatus,
        int minIssueCountForThrottle,
        int maxThrottleDurationSeconds,
        boolean alwaysShowOptionButtons,
        boolean showIssueCorrelationIdInSlackPost,
        String docsUrl,
        List<AlertChannel> alertChannels) {

    public ManagerSettings {
        appFriendlyName = blankTo(appFriendlyName, "Slack Manager");
        globalAdmins = globalAdmins == null ? List.of() : List.copyOf(globalAdmins);
        defaultPostIconEmoji = blankTo(defaultPostIconEmoji, ":female-detective:");
        defaultPostUsername = blankTo(defaultPostUsername, "Slack Manager");
        defaultAlertSeverity = blankTo(defaultAlertSeverity, "error");
        defaultIssueArchivingDelaySeconds = defaultIssueArchivingDelaySeconds <= 0 ? 43200
                : defaultIssueArchivingDelaySeconds;
        issueReorderingLimit = issueReorderingLimit <= 0 ? 30 : issueReorderingLimit;
        issueProcessingIntervalSeconds = issueProcessingIntervalSeconds <= 0 ? 10 : issueProcessingIntervalSeconds;
        issueReactions = issueReactions == null ? IssueReactions.defaults() : issueReactions;
        issueStatus = issueStatus == null ? IssueStatus.defaults() : issueStatus;
        minIssueCountForThrottle = minIssueCountForThrottle <= 0 ? 5 : minIssueCountForThrottle;
        maxThrottleDurationSeconds = maxThrottleDurationSeconds <= 0 ? 60 : maxThrottleDurationSeconds;
        docsUrl = docsUrl == null ? "" : docsUrl;
        alertChannels = alertChannels == null ? List.of() : List.copyOf(alertChannels);
    }

    /** All defaults. */
    public static ManagerSettings defaults() {
        return new ManagerSettings(null, null, null, null, null, 0, false, 0, 0, null, null, 0, 0, false, false,
                null, null);
    }

    /** Per-channel override of reordering and processing interval ({@code alertChannels[]}). */
    public record AlertChannel(String id, List<String> adminUsers, List<String> adminGroups,
                               boolean disableIssueReordering, int issueReorderingLimit,
                               int issueProcessingIntervalSeconds) {
        public AlertChannel {
            Objects.requireNonNull(id, "id");
            adminUsers = adminUsers == null ? List.of() : List.copyOf(adminUsers);
            adminGroups = adminGroups == null ? List.of() : List.copyOf(adminGroups);
        }
    }

    /** Whether the channel's posts are reordered by severity with this many open non-resolved issues. */
    public boolean orderIssuesBySeverity(String channelId, int openIssueCount) {
        AlertChannel c = channel(channelId);
        boolean disabled = c == null ? disableIssueReordering : c.disableIssueReordering();
        int limit = c == null || c.issueReorderingLimit() <= 0 ? issueReorderingLimit : c.issueReorderingLimit();
        return !disabled && openIssueCount <= limit;
    }

    /** Processing interval of the channel in seconds (channel override wins). */
    public int processingIntervalSeconds(String channelId) {
        AlertChannel c = channel(channelId);
        return c == null || c.issueProcessingIntervalSeconds() <= 0 ? issueProcessingIntervalSeconds
                : c.issueProcessingIntervalSeconds();
    }

    /** Global admin = listed in {@code globalAdmins}. */
    public boolean isGlobalAdmin(String userId) {
        return userId != null && !userId.isEmpty() && globalAdmins.contains(userId);
    }

    /**
     * Channel admin = global admin, or listed in the channel's {@code adminUsers}, or member of one of its
     * {@code adminGroups} ({@code userGroupIds}: the user's groups, looked up by the caller).
     */
    public boolean isChannelAdmin(String userId, String channelId, Set<String> userGroupIds) {
        if (userId == null || userId.isEmpty() || channelId == null || channelId.isEmpty()) {
            return false;
        }
        if (isGlobalAdmin(userId)) {
            return true;
        }
        AlertChannel c = channel(channelId);
        return c != null && (c.adminUsers().contains(userId)
                || c.adminGroups().stream().anyMatch(userGroupIds::contains));
    }

    private AlertChannel channel(String channelId) {
        for (AlertChannel c : alertChannels) {
            if (c.id().equals(channelId)) {
                return c;
            }
        }
        return null;
    }

    /** A copy with other channel overrides. */
    public ManagerSettings withAlertChannels(List<AlertChannel> channels) {
        return new ManagerSettings(appFriendlyName, globalAdmins, defaultPostIconEmoji, defaultPostUsername,
                defaultAlertSeverity, defaultIssueArchivingDelaySeconds, disableIssueReordering,
                issueReorderingLimit, issueProcessingIntervalSeconds, issueReactions, issueStatus,
                minIssueCountForThrottle, maxThrottleDurationSeconds, alwaysShowOptionButtons,
                showIssueCorrelationIdInSlackPost, docsUrl, channels);
    }

    /** A copy with another global reordering limit. */
    public ManagerSettings withIssueReorderingLimit(int limit) {
        return new ManagerSettings(appFriendlyName, globalAdmins, defaultPostIconEmoji, defaultPostUsername,
                defaultAlertSeverity, defaultIssueArchivingDelaySeconds, disableIssueReordering, limit,
                issueProcessingIntervalSeconds, issueReactions, issueStatus, minIssueCountForThrottle,
                maxThrottleDurationSeconds, alwaysShowOptionButtons, showIssueCorrelationIdInSlackPost, docsUrl,
                alertChannels);
    }

    /** A copy with option buttons always shown or not. */
    public ManagerSettings withAlwaysShowOptionButtons(boolean always) {
        return new ManagerSettings(appFriendlyName, globalAdmins, defaultPostIconEmoji, defaultPostUsername,
                defaultAlertSeverity, defaultIssueArchivingDelaySeconds, disableIssueReordering,
                issueReorderingLimit, issueProcessingIntervalSeconds, issueReactions, issueStatus,
                minIssueCountForThrottle, maxThrottleDurationSeconds, always, showIssueCorrelationIdInSlackPost,
                docsUrl, alertChannels);
    }

    private static String blankTo(String s, String dflt) {
        return s == null || s.isBlank() ? dflt : s;
    }
}
