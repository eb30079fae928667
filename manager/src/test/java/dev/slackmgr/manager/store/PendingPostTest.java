package dev.slackmgr.manager.store;

import dev.slackmgr.manager.issue.PostAction;
import dev.slackmgr.manager.issue.SlackEffect;
import dev.slackmgr.manager.post.PostContent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Coalescing of owed Slack writes ({@link PendingPost#plus}), pure. */
class PendingPostTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant T2 = T0.plusSeconds(2);
    private static final Instant T3 = T0.plusSeconds(3);
    private static final String ISSUE = "issue-1";
    private static final String CH = "C1";

    private static PostContent content(String channel) {
        return new PostContent(channel, List.of(), "text", "Alerts", ":x:", "", null);
    }

    private static SlackEffect post() {
        return new SlackEffect.PostMessage(ISSUE, PostAction.ALERT, content(CH), null);
    }

    private static SlackEffect update(String ts) {
        return new SlackEffect.UpdateMessage(ISSUE, ts, PostAction.ALERT, content(CH), null);
    }

    private static SlackEffect delete(String channel, String ts, boolean tombstone) {
        return new SlackEffect.DeleteMessage(ISSUE, channel, ts, tombstone ? content(channel) : null, null);
    }

    @Test
    void theTraceContextOfTheLatestTracedChangeIsKept() {
        String first = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String second = "00-1bf7651916cd43dd8448eb211c80319c-c7ad6b7169203331-01";
        PendingPost p = PendingPost.none(ISSUE, CH, T0).plus(post(), T1).tracedBy(first);
        assertThat(p.traceparent()).isEqualTo(first);
        assertThat(p.plus(update("1.0"), T2).traceparent()).isEqualTo(first);
        assertThat(p.plus(update("1.0"), T2).tracedBy(null).traceparent()).as("an untraced change keeps it")
                .isEqualTo(first);
        assertThat(p.plus(update("1.0"), T2).tracedBy(second).traceparent()).isEqualTo(second);
        PendingPost withDelete = p.plus(delete(CH, "1.0", false), T2).plus(post(), T3);
        assertThat(withDelete.withoutFirstDelete().traceparent()).isEqualTo(first);
        assertThat(new PendingPost(ISSUE, CH, List.of(), true, T0, "").traceparent()).isNull();
    }

    @Test
    void nothingOwedIsEmpty() {
        PendingPost none = PendingPost.none(ISSUE, CH, T0);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.deletes()).isEmpty();
        assertThat(none.write()).isFalse();
        assertThat(none.queuedAt()).isEqualTo(T0);
    }

    @Test
    void postsAndUpdatesCoalesceIntoOneWriteKeepingTheFirstQueueTime() {
        PendingPost p = PendingPost.none(ISSUE, CH, T0);
        for (int i = 0; i < 30; i++) {
            p = p.plus(i == 0 ? post() : update("1.0000" + i), T0.plusSeconds(i + 1));
        }
        assertThat(p).as("updates keep the first write's place").isEqualTo(new PendingPost(ISSUE, CH, List.of(), true, T1));
        assertThat(p.isEmpty()).isFalse();
    }

    @Test
    void deleteDropsTheOwedWriteAndTakesTheDeletesChannel() {
        PendingPost p = PendingPost.none(ISSUE, CH, T0).plus(post(), T1).plus(update("1.1"), T2);
        PendingPost deleted = p.plus(delete(CH, "1.1", true), T3);
        assertThat(deleted.write()).isFalse();
        assertThat(deleted.deletes()).containsExactly(new PendingPost.Delete("1.1", true));
        assertThat(deleted.channelId()).isEqualTo(CH);
        assertThat(deleted.queuedAt()).as("re-queued at the delete's position").isEqualTo(T3);

        PendingPost elsewhere = PendingPost.none(ISSUE, CH, T0).plus(update("1.1"), T1).plus(delete("C2", "2.2", false), T1);
        assertThat(elsewhere.channelId()).isEqualTo("C2");
        assertThat(elsewhere.deletes()).containsExactly(new PendingPost.Delete("2.2", false));
    }

    @Test
    void writeAfterDeleteMeansANewPostAfterTheDelete() {
        PendingPost p = PendingPost.none(ISSUE, CH, T0).plus(update("1.1"), T1).plus(delete(CH, "1.1", false), T2)
                .plus(post(), T3);
        assertThat(p.deletes()).containsExactly(new PendingPost.Delete("1.1", false));
        assertThat(p.write()).isTrue();
        assertThat(p.queuedAt()).as("the new post takes the position the engine gave it").isEqualTo(T3);
        assertThat(p.plus(update("1.2"), T3.plusSeconds(1)).queuedAt()).isEqualTo(T3);
    }

    @Test
    void duplicateDeleteOfTheSameTsIsIgnoredAndOrderIsKept() {
        PendingPost p = PendingPost.none(ISSUE, CH, T0)
                .plus(delete(CH, "1.1", false), T1)
                .plus(delete(CH, "2.2", true), T1)
                .plus(delete(CH, "1.1", true), T1);
        assertThat(p.deletes()).containsExactly(new PendingPost.Delete("1.1", false),
                new PendingPost.Delete("2.2", true));
    }

    @Test
    void withoutFirstDeleteKeepsTheRestAndTheWrite() {
        PendingPost p = PendingPost.none(ISSUE, CH, T0).plus(delete(CH, "1.1", false), T1).plus(delete(CH, "2.2", true), T1)
                .plus(post(), T1);
        PendingPost rest = p.withoutFirstDelete();
        assertThat(rest.deletes()).containsExactly(new PendingPost.Delete("2.2", true));
        assertThat(rest.write()).isTrue();
        assertThat(rest.issueId()).isEqualTo(ISSUE);
        assertThat(rest.queuedAt()).isEqualTo(T1);

        PendingPost done = rest.withoutFirstDelete();
        assertThat(done.deletes()).isEmpty();
        assertThat(done.isEmpty()).isFalse();
        assertThat(PendingPost.none(ISSUE, CH, T0).plus(delete(CH, "1.1", false), T1).withoutFirstDelete().isEmpty())
                .isTrue();
    }

    @Test
    void movesAreNotOwedWrites() {
        SlackEffect move = new SlackEffect.MoveIssue(ISSUE, CH, "C2", null, null, null, null, null);
        assertThatThrownBy(() -> PendingPost.none(ISSUE, CH, T0).plus(move, T1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletesListIsACopy() {
        List<PendingPost.Delete> deletes = new java.util.ArrayList<>(List.of(new PendingPost.Delete("1.1", false)));
        PendingPost p = new PendingPost(ISSUE, CH, deletes, false, T0);
        deletes.clear();
        assertThat(p.deletes()).hasSize(1);
        assertThatThrownBy(() -> p.deletes().add(new PendingPost.Delete("x", false)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
