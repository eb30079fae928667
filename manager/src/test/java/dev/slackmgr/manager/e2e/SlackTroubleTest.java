package dev.slackmgr.manager.e2e;

import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.manager.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reliability.md §5.5 (issue item 5, Web API part): a real manager (child JVM) works through a storm while
 * the fake Slack enforces Slack's limits ({@code chat.postMessage} 3 per channel per sliding second, the Tier 3
 * methods 50 per sliding minute) and, every 2.5 s, injects one more kind of trouble: bursts of HTTP 429 with
 * {@code Retry-After}, 500/502/503, 5 s latency spikes, connections dropped before the call took effect and
 * connections dropped <em>after</em> it (the message is posted or updated, the answer is lost). New issues start
 * throughout the storm, so posts meet the faults too. Afterwards the issues and posts are exactly what the alerts
 * imply (no lost update, exactly one post per issue) and no method was called more often than Slack allows in
 * any minute, refused calls included (no retry storm).
 *
 * <p>Socket Mode trouble (dropped sockets, disconnect requests, envelopes redelivered after a lost ack or to two
 * connected instances) is covered by {@code SocketModeInteractionTest}.
 *
 * <p>Short version: 5 channels × 6 correlation IDs over 40 s. Long version ({@code -Pfaults}): 8 × 6 over 150 s.
 */
class SlackTroubleTest {
    private static final int TIER3_PER_MINUTE = 50;
    private static final List<String> TIER3 = List.of("chat.update", "chat.delete", "conversations.history",
            "conversations.replies", "conversations.info");

    @Test
    void slackTroubleLosesNoUpdateDuplicatesNoPostAndCausesNoRetryStorm() throws Exception {
        boolean longRun = FaultRig.longRun();
        FaultStorm storm = longRun ? new FaultStorm("C0SLACK", 8, 6, 120, 20)
                : new FaultStorm("C0SLACK", 5, 6, 40, 6);
        Duration spread = Duration.ofSeconds(longRun ? 150 : 40);
        try (FaultRig rig = new FaultRig("slack", storm, TestRedis.url(), TestPostgres.createDatabase(),
                SlackTroubleTest::limits, List.of())) {
            rig.start("a");
            long start = System.nanoTime();
            Thread feeder = rig.feed(spread);
            AtomicBoolean feeding = new AtomicBoolean(true);
            Map<String, Integer> injected = new TreeMap<>();
            Thread trouble = new Thread(() -> {
                int i = 0;
                while (feeding.get()) {
                    inject(rig.slack(), i++, injected);
                    sleep(2500);
                }
            }, "slack-trouble");
            trouble.start();
            feeder.join();
            feeding.set(false);
            trouble.join();
            rig.slack().latency(Duration.ZERO);
            double fed = (System.nanoTime() - start) / 1e9;
            FaultRig.Report report = rig.awaitFinal(Duration.ofMinutes(longRun ? 5 : 3));
            double done = (System.nanoTime() - start) / 1e9;
            Map<String, Integer> perMinute = new TreeMap<>();
            for (String m : TIER3) {
                perMinute.put(m, rig.maxCallsPerMinute(m, false));
            }
            int postsPerChannelMinute = rig.maxCallsPerMinute("chat.postMessage", true);
            FakeSlack slack = rig.slack();
            System.out.printf("Slack trouble: %d alerts (%d issues) in %.1f s, injected %s; final after %.1f s: %s;"
                            + " Slack calls %s; 429 postMessage %d update %d; 5xx postMessage %d update %d;"
                            + " dropped postMessage %d update %d; max calls per minute %s,"
                            + " chat.postMessage per channel %d%n", storm.total(), storm.issues(), fed, injected, done,
                    report.summary(), rig.callsByMethod(), slack.rejectedCount("chat.postMessage", 429),
                    slack.rejectedCount("chat.update", 429), fivexx(slack, "chat.postMessage"),
                    fivexx(slack, "chat.update"), slack.droppedCount("chat.postMessage"),
                    slack.droppedCount("chat.update"), perMinute, postsPerChannelMinute);
            assertThat(report.problems()).as(report.summary()).isEmpty();
            assertThat(report.posts()).isEqualTo(storm.issues());
            assertThat(report.maxPostsPerIssue()).isEqualTo(1);
            assertThat(slack.droppedCount("chat.postMessage")).as("posts met dropped connections").isPositive();
            assertThat(slack.droppedCount("chat.update")).isPositive();
            assertThat(slack.rejectedCount("chat.update", 429) + slack.rejectedCount("chat.postMessage", 429))
                    .isPositive();
            assertThat(fivexx(slack, "chat.update") + fivexx(slack, "chat.postMessage")).isPositive();
            perMinute.forEach((m, n) -> assertThat(n).as("%s calls in a minute", m).isLessThanOrEqualTo(TIER3_PER_MINUTE));
            assertThat(postsPerChannelMinute).as("chat.postMessage calls per channel in a minute")
                    .isLessThanOrEqualTo(60);
        }
    }

    private static void limits(FakeSlack slack) {
        slack.limitPerChannelPerSecond("chat.postMessage", 3);
        TIER3.forEach(m -> slack.limitPerMinute(m, TIER3_PER_MINUTE));
    }

    /** One more fault, rotating through the kinds. */
    private static void inject(FakeSlack slack, int i, Map<String, Integer> injected) {
        String kind;
        switch (i % 8) {
            case 0 -> {
                slack.rateLimitNext("chat.update", 5, 3);
                kind = "429 x5 chat.update (Retry-After 3)";
            }
            case 1 -> {
                slack.dropNext("chat.postMessage", 1, true);
                kind = "chat.postMessage dropped after posting";
            }
            case 2 -> {
                slack.failNext("chat.update", 3, 500 + 2 * (i % 3)); // 500, 502, 504
                kind = "5xx x3 chat.update";
            }
            case 3 -> {
                slack.latency(Duration.ofSeconds(5));
                sleep(6000);
                slack.latency(Duration.ZERO);
                kind = "5 s latency for 6 s";
            }
            case 4 -> {
                slack.rateLimitNext("chat.postMessage", 3, 2);
                slack.failNext("conversations.history", 1, 503);
                kind = "429 x3 chat.postMessage (Retry-After 2) + 503 conversations.history";
            }
            case 5 -> {
                slack.dropNext("chat.update", 2, true);
                kind = "chat.update dropped after updating x2";
            }
            case 6 -> {
                slack.failNext("chat.postMessage", 2, 503);
                kind = "503 x2 chat.postMessage";
            }
            default -> {
                slack.dropNext("chat.postMessage", 1, false);
                slack.dropNext("chat.update", 1, false);
                kind = "dropped before effect: chat.postMessage, chat.update";
            }
        }
        injected.merge(kind, 1, Integer::sum);
    }

    private static int fivexx(FakeSlack slack, String method) {
        int n = 0;
        for (int status : new int[]{500, 502, 503, 504}) {
            n += slack.rejectedCount(method, status);
        }
        return n;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
