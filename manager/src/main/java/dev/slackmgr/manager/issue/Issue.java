package dev.slackmgr.manager.issue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/**
 * Persisted state of one issue, field for field the reference's issue JSON (issue-lifecycle.md §2.2).
 *
 * <p>Durations ({@code autoResolvePeriod}, {@code archiveDelay}) are Go durations in nanoseconds; unset
 * instants are {@link Times#ZERO}. Derived predicates live in {@link IssueView}; changes go through
 * {@link #toBuilder()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "correlationId", "created", "firstAlert", "lastAlert", "alertCount",
        "lastAlertReceived", "lastSlackMention", "lastSlackMentionTime", "autoResolvePeriod", "archiveDelay",
        "archiveTime", "archived", "resolveTime", "slackPostId", "slackPostCreated", "slackPostUpdated",
        "slackPostHeader", "slackPostText", "slackPostLastAction", "slackPostNeedsUpdate", "slackPostNeedsDelete",
        "slackAlertSentAtLeastOnce", "slackPostDelayedUntil", "slackPostEmojiTerminated", "slackPostEmojiResolved",
        "slackPostEmojiInvestigated", "slackPostEmojiMuted", "slackPostEmojiButtonsActivated", "isMoved",
        "terminatedByUser", "resolvedByUser", "investigatedByUser", "mutedByUser", "movedByUser", "investigatedSince",
        "mutedSince", "moveReason", "isEscalated"})
public record Issue(        String id,
        String correlationId,
        Instant created,
        ManagedAlert firstAlert,
        ManagedAlert lastAlert,
        int alertCount,
        Instant lastAlertReceived,
        String lastSlackMention,
        Instant lastSlackMentionTime,
        long autoResolvePeriod,
        long archiveDelay,
        Instant archiveTime,
        boolean archived,
        Instant resolveTime,
        String slackPostId,
        Instant slackPostCreated,
        Instant slackPostUpdated,
        String slackPostHeader,
        String slackPostText,
        PostAction slackPostLastAction,
        boolean slackPostNeedsUpdate,
        boolean slackPostNeedsDelete,
        boolean slackAlertSentAtLeastOnce,
        Instant slackPostDelayedUntil,
        boolean slackPostEmojiTerminated,
        boolean slackPostEmojiResolved,
        boolean slackPostEmojiInvestigated,
        boolean slackPostEmojiMuted,
        boolean slackPostEmojiButtonsActivated,
        boolean isMoved,
        String terminatedByUser,
        String resolvedByUser,
        String investigatedByUser,
        String mutedByUser,
        String movedByUser,
        Instant investigatedSince,
        Instant mutedSince,
        String moveReason,
        boolean isEscalated) {
    /** Normalises Go zero values: null strings to "", null instants to {@link Times#ZERO}. */
    public Issue {
        id = id == null ? "" : id;
        correlationId = correlationId == null ? "" : correlationId;
        created = created == null ? Times.ZERO : created;
        lastAlertReceived = lastAlertReceived == null ? Times.ZERO : lastAlertReceived;
        lastSlackMention = lastSlackMention == null ? "" : lastSlackMention;
        lastSlackMentionTime = lastSlackMentionTime == null ? Times.ZERO : lastSlackMentionTime;
        archiveTime = archiveTime == null ? Times.ZERO : archiveTime;
        resolveTime = resolveTime == null ? Times.ZERO : resolveTime;
        slackPostId = slackPostId == null ? "" : slackPostId;
        slackPostCreated = slackPostCreated == null ? Times.ZERO : slackPostCreated;
        slackPostUpdated = slackPostUpdated == null ? Times.ZERO : slackPostUpdated;
        slackPostHeader = slackPostHeader == null ? "" : slackPostHeader;
        slackPostText = slackPostText == null ? "" : slackPostText;
        slackPostLastAction = slackPostLastAction == null ? PostAction.NONE : slackPostLastAction;
        slackPostDelayedUntil = slackPostDelayedUntil == null ? Times.ZERO : slackPostDelayedUntil;
        terminatedByUser = terminatedByUser == null ? "" : terminatedByUser;
        resolvedByUser = resolvedByUser == null ? "" : resolvedByUser;
        investigatedByUser = investigatedByUser == null ? "" : investigatedByUser;
        mutedByUser = mutedByUser == null ? "" : mutedByUser;
        movedByUser = movedByUser == null ? "" : movedByUser;
        investigatedSince = investigatedSince == null ? Times.ZERO : investigatedSince;
        mutedSince = mutedSince == null ? Times.ZERO : mutedSince;
        moveReason = moveReason == null ? "" : moveReason;
    }

    /** A mutable copy for building the next state. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy of an {@link Issue}; the engine's transitions edit one and build a new record. */
    public static final class Builder {
        String id;
        String correlationId;
        Instant created;
        ManagedAlert firstAlert;
        ManagedAlert lastAlert;
        int alertCount;
        Instant lastAlertReceived;
        String lastSlackMention;
        Instant lastSlackMentionTime;
        long autoResolvePeriod;
        long archiveDelay;
        Instant archiveTime;
        boolean archived;
        Instant resolveTime;
        String slackPostId;
        Instant slackPostCreated;
        Instant slackPostUpdated;
        String slackPostHeader;
        String slackPostText;
        PostAction slackPostLastAction;
        boolean slackPostNeedsUpdate;
        boolean slackPostNeedsDelete;
        boolean slackAlertSentAtLeastOnce;
        Instant slackPostDelayedUntil;
        boolean slackPostEmojiTerminated;
        boolean slackPostEmojiResolved;
        boolean slackPostEmojiInvestigated;
        boolean slackPostEmojiMuted;
        boolean slackPostEmojiButtonsActivated;
        boolean isMoved;
        String terminatedByUser;
        String resolvedByUser;
        String investigatedByUser;
        String mutedByUser;
        String movedByUser;
        Instant investigatedSince;
        Instant mutedSince;
        String moveReason;
        boolean isEscalated;

        Builder() {
        }

        Builder(Issue i) {
            id = i.id;
            correlationId = i.correlationId;
            created = i.created;
            firstAlert = i.firstAlert;
            lastAlert = i.lastAlert;
            alertCount = i.alertCount;
            lastAlertReceived = i.lastAlertReceived;
            lastSlackMention = i.lastSlackMention;
            lastSlackMentionTime = i.lastSlackMentionTime;
            autoResolvePeriod = i.autoResolvePeriod;
            archiveDelay = i.archiveDelay;
            archiveTime = i.archiveTime;
            archived = i.archived;
            resolveTime = i.resolveTime;
            slackPostId = i.slackPostId;
            slackPostCreated = i.slackPostCreated;
            slackPostUpdated = i.slackPostUpdated;
            slackPostHeader = i.slackPostHeader;
            slackPostText = i.slackPostText;
            slackPostLastAction = i.slackPostLastAction;
            slackPostNeedsUpdate = i.slackPostNeedsUpdate;
            slackPostNeedsDelete = i.slackPostNeedsDelete;
            slackAlertSentAtLeastOnce = i.slackAlertSentAtLeastOnce;
            slackPostDelayedUntil = i.slackPostDelayedUntil;
            slackPostEmojiTerminated = i.slackPostEmojiTerminated;
            slackPostEmojiResolved = i.slackPostEmojiResolved;
            slackPostEmojiInvestigated = i.slackPostEmojiInvestigated;
            slackPostEmojiMuted = i.slackPostEmojiMuted;
            slackPostEmojiButtonsActivated = i.slackPostEmojiButtonsActivated;
            isMoved = i.isMoved;
            terminatedByUser = i.terminatedByUser;
            resolvedByUser = i.resolvedByUser;
            investigatedByUser = i.investigatedByUser;
            mutedByUser = i.mutedByUser;
            movedByUser = i.movedByUser;
            investigatedSince = i.investigatedSince;
            mutedSince = i.mutedSince;
            moveReason = i.moveReason;
            isEscalated = i.isEscalated;
        }

        /** The new immutable state. */
        public Issue build() {
            return new Issue(id, correlationId, created, firstAlert, lastAlert, alertCount, lastAlertReceived,
                    lastSlackMention, lastSlackMentionTime, autoResolvePeriod, archiveDelay, archiveTime, archived, resolveTime,
                    slackPostId, slackPostCreated, slackPostUpdated, slackPostHeader, slackPostText, slackPostLastAction,
                    slackPostNeedsUpdate, slackPostNeedsDelete, slackAlertSentAtLeastOnce, slackPostDelayedUntil,
                    slackPostEmojiTerminated, slackPostEmojiResolved, slackPostEmojiInvestigated, slackPostEmojiMuted,
                    slackPostEmojiButtonsActivated, isMoved, terminatedByUser, resolvedByUser, investigatedByUser, mutedByUser,
                    movedByUser, investigatedSince, mutedSince, moveReason, isEscalated);
        }
    }
}
