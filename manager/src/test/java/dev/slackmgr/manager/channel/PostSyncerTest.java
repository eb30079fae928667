package dev.slackmgr.manager.channel;

import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueView;
import dev.slackmgr.manager.slack.SlackCallException;
import dev.slackmgr.manager.slack.SlackClientSettings;
import dev.slackmgr.manager.slack.SlackClientSettings.Pacing;
import dev.slackmgr.manager.slack.SlackClientSettings.Rate;
import dev.slackmgr.manager.slack.TestSlackGateways;
import dev.slackmgr.manager.store.ChannelWrite;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.store.PendingPost;
import dev.slackmgr.manager.store.StoreTestApplication;
import dev.slackmgr.manager.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PostSyncer} and {@link PostSyncScheduler} on a real PostgreSQL, real Redis channel locks and the real SDK
 * gateway against the fake Slack; the owed writes come from real alerts applied by a {@link ChannelProcessor}.
 */
@SpringBootTest(classes = StoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PostSyncerTest {
    private static RedisConnector connector;
    private static QueueConnection redis;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @Autowired
    IssueStore store;

    private FakeSlack slack;
    private String ch;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void connect() {
        connector = RedisConnector.standalone(TestRedis.url());
        redis = connector.connect();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        connector.close();
    }

    @BeforeEach
    void setUp() {
        ch = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        slack = new FakeSlack(new FakeWorkspace("U0BOT").channel(ch, "sync-test").channel("C0OTHER01", "other"));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        slack.close();
    }

    private SyncHarness harness(SlackClientSettings settings) {
        return new SyncHarness(store, redis, slack, settings);
    }

    private static SlackClientSettings oneAttempt(SlackClientSettings s) {
        return s.withRetries(10, Duration.ofSeconds(30), 1, Duration.ofSeconds(30));
    }

    private Issue issue(String correlationId) {
        return store.findOpenIssueByCorrelationId(ch, correlationId).orElseThrow();
    }

    private List<FakeMessage> posts(String channel) {
        return slack.messages().of(channel).stream().filter(m -> m.threadTs() == null).toList();
    }

    // ---- (a) many alerts, one post, one update ----------------------------------------------------------------

    @Test
    void thirtyAlertsWhileUpdatesAreRateLimitedCostOnePostAndOneUpdateShowingTheLastAlert() throws Exception {
        slack.limitPerMinute("chat.update", 2);
        // chat.update: one slot, then one every 10 s (per process)
        SyncHarness h = harness(TestSlackGateways.fast().withPacing(new Pacing(true, new Rate(1.0, 2),
                new Rate(0.1, 1), null, null, null, null)));

        h.apply(ch, "storm", "occurrence 1");
        assertThat(h.syncRequests).containsExactly(ch);
        assertThat(h.syncer.sync(ch)).isNull();
        assertThat(posts(ch)).hasSize(1);
        String ts = posts(ch).get(0).ts();
        assertThat(issue("storm").slackPostId()).isEqualTo(ts);

        // another issue's update (another channel) takes the only free chat.update slot
        FakeMessage elsewhere = slack.messages().add("C0OTHER01", "U0BOT", null, "other", null);
        h.gateway.updateMessage("C0OTHER01", elsewhere.ts(), h.engine.issues().renderer()
                .render(issue("storm"), issue("storm").slackPostLastAction(), Instant.now()));

        Duration wait = null;
        for (int i = 2; i <= 30; i++) {
            h.apply(ch, "storm", "occurrence " + i);
            wait = h.syncer.sync(ch);
            assertThat(wait).as("sync after alert %d", i).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
        }
        assertThat(h.calls("chat.update", ch)).as("no update while no slot is free").isZero();
        assertThat(store.findPendingPosts(ch, 10)).hasSize(1);

        Thread.sleep(wait.toMillis() + 50);
        assertThat(h.syncer.sync(ch)).isNull();

        assertThat(h.calls("chat.postMessage", ch)).isEqualTo(1);
        assertThat(h.calls("chat.update", ch)).isEqualTo(1);
        assertThat(slack.rejectedCount("chat.update", 429)).isZero();
        assertThat(posts(ch)).hasSize(1);
        assertThat(slack.messages().find(ch, ts).orElseThrow().blocksJson()).contains("occurrence 30");
        assertThat(issue("storm").alertCount()).isEqualTo(30);
        assertThat(store.findPendingPosts(ch, 10)).isEmpty();
        assertThat(h.syncer.sync(ch)).isNull();
        assertThat(h.calls("chat.update", ch)).isEqualTo(1);
    }

    // ---- (b) Slack refusals --------------------------------------------------------------------------------

    @Test
    void postToAnUnknownChannelIsFoldedIntoTheIssueAndTheOwedWriteDropped() throws Exception {
        String unknown = "C0NOTTHERE";
        SyncHarness h = harness(TestSlackGateways.fast());
        h.apply(unknown, "lost", "occurrence 1");
        assertThat(store.findPendingPosts(unknown, 10)).hasSize(1);

        assertThat(h.syncer.sync(unknown)).isNull();

        Issue issue = store.findOpenIssueByCorrelationId(unknown, "lost").orElseThrow();
        assertThat(issue.slackPostId()).isEqualTo(IssueView.INVALID_CHANNEL_ID);
        assertThat(store.findPendingPosts(unknown, 10)).isEmpty();
        assertThat(h.calls("chat.postMessage", unknown)).isEqualTo(1);
        assertThat(store.findPostIntent(unknown, "lost")).as("no post was made: nothing to adopt later").isEmpty();

        h.apply(unknown, "lost", "occurrence 2");
        assertThat(store.findPendingPosts(unknown, 10)).as("an invalid channel owes no writes").isEmpty();
        assertThat(h.syncer.sync(unknown)).isNull();
        assertThat(h.calls("chat.postMessage", unknown)).isEqualTo(1);
    }

    @Test
    void updateOfAPostDeletedInSlackDropsThePostAndTheNextAlertPostsAgain() throws Exception {
        SyncHarness h = harness(TestSlackGateways.fast());
        h.apply(ch, "gone", "occurrence 1");
        h.syncer.sync(ch);
        String first = issue("gone").slackPostId();
        boolean[] refuse = {true};
        slack.on("chat.update", p -> refuse[0] ? FakeSlack.error("message_not_found") : Map.of("ok", true));

        h.apply(ch, "gone", "occurrence 2");
        assertThat(h.syncer.sync(ch)).isNull();
        assertThat(h.calls("chat.update", ch)).isEqualTo(1);
        assertThat(issue("gone").slackPostId()).isEmpty();
        assertThat(issue("gone").slackPostNeedsUpdate()).isTrue();
        assertThat(store.findPendingPosts(ch, 10)).isEmpty();

        refuse[0] = false;
        h.apply(ch, "gone", "occurrence 3");
        assertThat(h.syncer.sync(ch)).isNull();
        assertThat(h.calls("chat.postMessage", ch)).isEqualTo(2);
        String second = issue("gone").slackPostId();
        assertThat(second).isNotEmpty().isNotEqualTo(first);
        assertThat(slack.messages().find(ch, second).orElseThrow().blocksJson()).contains("occurrence 3");
    }

    // ---- (c) transient failures ------------------------------------------------------------------------------

    @Test
    void transientFailurePropagatesKeepsTheOwedWriteAndALaterSyncCompletesIt() throws Exception {
        SyncHarness h = harness(oneAttempt(TestSlackGateways.fast()));
        h.apply(ch, "flaky", "occurrence 1");
        slack.failNext("chat.postMessage", 1, 503);

        assertThatThrownBy(() -> h.syncer.sync(ch)).isInstanceOfSatisfying(SlackCallException.class,
                e -> assertThat(e.transientFailure()).isTrue());
        assertThat(store.findPendingPosts(ch, 10)).hasSize(1);
        assertThat(issue("flaky").slackPostId()).isEmpty();
        assertThat(posts(ch)).isEmpty();

        assertThat(h.syncer.sync(ch)).isNull();
        assertThat(posts(ch)).hasSize(1);
        assertThat(issue("flaky").slackPostId()).isEqualTo(posts(ch).get(0).ts());
        assertThat(store.findPendingPosts(ch, 10)).isEmpty();
        assertThat(store.findPostIntent(ch, "flaky")).isEmpty();
        assertThat(h.calls("chat.postMessage", ch)).isEqualTo(2);
    }

    @Test
    void postThatTimedOutButReachedSlackIsAdoptedNotPostedAgain() throws Exception {
        SyncHarness h = harness(oneAttempt(TestSlackGateways.fast()).withHttpTimeout(Duration.ofMillis(300)));
        h.apply(ch, "slow", "occurrence 1");
        slack.latency(Duration.ofMillis(800));

        assertThatThrownBy(() -> h.syncer.sync(ch)).isInstanceOfSatisfying(SlackCallException.class,
                e -> assertThat(e.transientFailure()).isTrue());
        await("the fake stored the post it answered too late", () -> posts(ch).size() == 1);
        slack.latency(Duration.ZERO);
        assertThat(store.findPendingPosts(ch, 10)).hasSize(1);

        assertThat(h.syncer.sync(ch)).isNull();
        assertThat(posts(ch)).hasSize(1);
        assertThat(issue("slow").slackPostId()).isEqualTo(posts(ch).get(0).ts());
        assertThat(h.calls("chat.postMessage", ch)).isEqualTo(1);
        assertThat(store.findPendingPosts(ch, 10)).isEmpty();
        assertThat(store.findPostIntent(ch, "slow")).isEmpty();
    }

    /** With the default retries too: the gateway does not repeat a post whose answer was lost (SlackTroubleTest). */
    @Test
    void postWhoseAnswerWasLostIsAdoptedNotRepeatedByTheGatewaysRetries() throws Exception {
        SyncHarness h = harness(TestSlackGateways.fast());
        h.apply(ch, "lost-answer", "occurrence 1");
        slack.dropNext("chat.postMessage", 1, true);

        assertThatThrownBy(() -> h.syncer.sync(ch)).isInstanceOfSatisfying(SlackCallException.class,
                e -> assertThat(e.transientFailure()).isTrue());
        assertThat(posts(ch)).hasSize(1);
        assertThat(h.calls("chat.postMessage", ch)).isEqualTo(1);

        assertThat(h.syncer.sync(ch)).isNull();
        assertThat(posts(ch)).hasSize(1);
        assertThat(issue("lost-answer").slackPostId()).isEqualTo(posts(ch).get(0).ts());
        assertThat(h.calls("chat.postMessage", ch)).isEqualTo(1);
        assertThat(store.findPendingPosts(ch, 10)).isEmpty();
    }

    // ---- (d) no free slot ------------------------------------------------------------------------------------

    @Test
    void withoutAFreeSlotSyncMakesNoCallAndSaysWhenToComeBack() throws Exception {
        // chat.postMessage in this channel: one slot, then one every 10 s
        SyncHarness h = harness(TestSlackGateways.fast().withPacing(new Pacing(true, new Rate(0.1, 1), null, null,
                null, null, null)));
        h.apply(ch, "first", "occurrence 1");
        h.apply(ch, "second", "occurrence 1");

        Duration wait = h.syncer.sync(ch);
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(h.calls("chat.postMessage", ch)).isEqualTo(1);
        assertThat(issue("first").slackPostId()).isNotEmpty();
        assertThat(store.findPendingPosts(ch, 10)).extracting(PendingPost::issueId)
                .containsExactly(issue("second").id());

        assertThat(h.syncer.sync(ch)).isPositive().isLessThanOrEqualTo(wait);
        assertThat(h.calls("chat.postMessage", ch)).isEqualTo(1);
        assertThat(store.findIssue(issue("second").id()).orElseThrow().slackPostId()).isEmpty();
    }

    @Test
    void whileTheRateLimitGateIsClosedSyncMakesNoCall() throws Exception {
        SyncHarness h = harness(TestSlackGateways.fast());
        h.apply(ch, "gated", "occurrence 1");
        h.gate.signal(Instant.now().plusSeconds(30));

        assertThat(h.syncer.sync(ch)).isPositive();
        assertThat(h.methods(ch)).isEmpty();
        assertThat(store.findPendingPosts(ch, 10)).hasSize(1);
    }

    @Test
    void syncWaitsBrieflyWhenTheChannelIsLocked() throws Exception {
        SyncHarness h = harness(TestSlackGateways.fast());
        h.apply(ch, "locked", "occurrence 1");
        try (ChannelLocks.Lock held = h.locks.obtain(ch, Duration.ofSeconds(30), Duration.ZERO)) {
            assertThat(h.syncer.sync(ch)).isPositive();
        }
        assertThat(h.methods(ch)).isEmpty();
        assertThat(h.syncer.sync(ch)).isNull();
        assertThat(posts(ch)).hasSize(1);
    }

    // ---- (e) owed deletes ------------------------------------------------------------------------------------

    @Test
    void owedDeletesBecomeATombstoneWithRepliesElseADeleteThenThePost() throws Exception {
        SyncHarness h = harness(TestSlackGateways.fast());
        h.apply(ch, "moved-on", "occurrence 1");
        Issue issue = issue("moved-on");
        FakeMessage withThread = slack.messages().add(ch, "U0BOT", null, "old post with a thread", null);
        slack.messages().reply(ch, withThread.ts(), "U0HUMAN", "what happened?");
        FakeMessage noThread = slack.messages().add(ch, "U0BOT", null, "old post", null);
        FakeMessage hardDelete = slack.messages().add(ch, "U0BOT", null, "old post, no tombstone", null);
        PendingPost owed = store.findPendingPostsOfIssues(List.of(issue.id())).get(issue.id());
        store.write(new ChannelWrite(List.of(), List.of(), List.of(), List.of(new PendingPost(issue.id(), ch,
                List.of(new PendingPost.Delete(withThread.ts(), true), new PendingPost.Delete(noThread.ts(), true),
                        new PendingPost.Delete(hardDelete.ts(), false)), true, owed.queuedAt())), List.of(), List.of()));

        assertThat(h.syncer.sync(ch)).isNull();

        assertThat(h.methods(ch)).containsExactly("conversations.replies", "chat.update", "conversations.replies",
                "chat.delete", "chat.delete", "chat.postMessage");
        FakeMessage tombstone = slack.messages().find(ch, withThread.ts()).orElseThrow();
        assertThat(tombstone.blocksJson()).contains("~occurrence 1~");
        assertThat(slack.messages().find(ch, noThread.ts())).isEmpty();
        assertThat(slack.messages().find(ch, hardDelete.ts())).isEmpty();
        assertThat(posts(ch)).extracting(FakeMessage::ts).containsExactly(withThread.ts(), issue("moved-on")
                .slackPostId());
        assertThat(store.findPendingPosts(ch, 10)).isEmpty();
    }

    @Test
    void deletesDoneBeforeATransientFailureAreNotRepeated() throws Exception {
        SyncHarness h = harness(oneAttempt(TestSlackGateways.fast()));
        h.apply(ch, "partial", "occurrence 1");
        Issue issue = issue("partial");
        FakeMessage a = slack.messages().add(ch, "U0BOT", null, "a", null);
        FakeMessage b = slack.messages().add(ch, "U0BOT", null, "b", null);
        store.write(new ChannelWrite(List.of(), List.of(), List.of(), List.of(new PendingPost(issue.id(), ch,
                List.of(new PendingPost.Delete(a.ts(), false), new PendingPost.Delete(b.ts(), false)), true,
                Instant.now())), List.of(), List.of()));
        slack.observe("chat.delete", (req, answer) -> {
            if (req.get("ts").equals(a.ts())) {
                slack.failNext("chat.delete", 1, 502);
            }
        });

        assertThatThrownBy(() -> h.syncer.sync(ch)).isInstanceOf(SlackCallException.class);
        assertThat(store.findPendingPosts(ch, 10)).singleElement().satisfies(p -> {
            assertThat(p.deletes()).containsExactly(new PendingPost.Delete(b.ts(), false));
            assertThat(p.write()).isTrue();
        });

        assertThat(h.syncer.sync(ch)).isNull();
        assertThat(h.methods(ch)).containsExactly("chat.delete", "chat.delete", "chat.delete", "chat.postMessage");
        assertThat(slack.calls().stream().filter(c -> c.method().equals("chat.delete"))
                .map(c -> c.params().get("ts")).toList()).containsExactly(a.ts(), b.ts(), b.ts());
        assertThat(posts(ch)).extracting(FakeMessage::ts).containsExactly(issue("partial").slackPostId());
    }

    // ---- (f) the scheduler -----------------------------------------------------------------------------------

    @Test
    void schedulerSyncsARequestedChannelAndRetriesAfterATransientFailure() throws Exception {
        PostSyncScheduler[] scheduler = new PostSyncScheduler[1];
        SyncHarness h = new SyncHarness(store, redis, slack, oneAttempt(TestSlackGateways.fast()),
                c -> scheduler[0].request(c));
        scheduler[0] = new PostSyncScheduler(h.syncer, 2);
        closing.add(scheduler[0]);
        slack.failNext("chat.postMessage", 1, 503);

        h.apply(ch, "scheduled", "occurrence 1");

        await("the post after one failed attempt", () -> posts(ch).size() == 1);
        await("the channel is done", () -> scheduler[0].pendingChannels() == 0);
        assertThat(h.calls("chat.postMessage", ch)).isEqualTo(2);
        assertThat(slack.rejectedCount("chat.postMessage", 503)).isEqualTo(1);
        assertThat(issue("scheduled").slackPostId()).isEqualTo(posts(ch).get(0).ts());
        assertThat(store.findPendingPosts(ch, 10)).isEmpty();

        h.apply(ch, "scheduled", "occurrence 2");
        await("the update", () -> slack.messages().find(ch, posts(ch).get(0).ts()).orElseThrow().blocksJson()
                .contains("occurrence 2"));
        await("the channel is done again", () -> scheduler[0].pendingChannels() == 0);
        assertThat(h.calls("chat.postMessage", ch)).isEqualTo(2);
    }

    @Test
    void schedulerComesBackWhenTheSlotIsFree() throws Exception {
        PostSyncScheduler[] scheduler = new PostSyncScheduler[1];
        SyncHarness h = new SyncHarness(store, redis, slack, TestSlackGateways.fast().withPacing(new Pacing(true,
                new Rate(2.0, 1), null, null, null, null, null)), c -> scheduler[0].request(c));
        scheduler[0] = new PostSyncScheduler(h.syncer, 1);
        closing.add(scheduler[0]);

        for (int i = 0; i < 3; i++) {
            h.apply(ch, "paced-" + i, "occurrence 1");
        }
        await("three posts", () -> posts(ch).size() == 3);
        await("the channel is done", () -> scheduler[0].pendingChannels() == 0);
        List<Long> at = slack.calls().stream().filter(c -> c.method().equals("chat.postMessage"))
                .map(FakeSlack.Call::receivedNanos).toList();
        assertThat(at).hasSize(3);
        assertThat(Duration.ofNanos(at.get(2) - at.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
