package dev.slackmgr.api.acceptance;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** acceptance-cases.md §F (ignore filter) and §G (per-channel limits and rate limiting). */
class AcceptanceFGTest extends ApiTestBase {
    private static final String KEEP_AND_DROP = "[{\"slackChannelId\":\"C123\",\"text\":\"keep\"},"
            + "{\"slackChannelId\":\"C123\",\"text\":\"please DROP me\",\"ignoreIfTextContains\":[\"drop\"]}]";

    private static String limits(double rate, int burst) {
        return "rateLimitPerAlertChannel:\n  alertsPerSecond: " + rate + "\n  allowedBurst: " + burst
                + "\nmaxUsersInAlertChannel: 1000\n";
    }

    private static String alerts(String channel, int n) {
        return IntStream.range(0, n).mapToObj(i -> "{\"slackChannelId\":\"" + channel + "\",\"header\":\"" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void f01_ignoredAlertIsNotQueued() {
        Response r = post("/alerts", "{\"slackChannelId\":\"C123\",\"text\":\"This has an error in it\","
                + "\"ignoreIfTextContains\":[\"ERROR\"]}");
        assertThat(r.status()).isEqualTo(204);
        assertThat(queued()).isEmpty();
    }

    @Test
    void f01_ignoredAlertsAreNotCounted() {
        settings(limits(100, 10));
        Response r = post("/alerts", KEEP_AND_DROP);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.header("Ratelimit-Remaining")).isEqualTo("9");
        assertThat(queued()).extracting(q -> q.field("text")).containsExactly("keep");
    }

    @Test
    void f02_onlyNonEmptyTermsInTextCount() {
        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"text\":\"Text without that term\","
                + "\"ignoreIfTextContains\":[\"\",\"  \",\"specific-term\"]}").status()).isEqualTo(202);
        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"noise\",\"text\":\"clean\","
                + "\"ignoreIfTextContains\":[\"noise\"]}").status()).isEqualTo(202);
        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"noise\","
                + "\"ignoreIfTextContains\":[\"noise\"]}").status()).isEqualTo(202);
        assertThat(queued()).hasSize(3);
    }

    @Test
    void f03_validationPrecedesFilter() {
        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"text\":\"noise\",\"ignoreIfTextContains\":[\"noise\"],"
                + "\"severity\":\"bogus\"}").error()).startsWith("Input validation failed: severity 'bogus'");
    }

    @Test
    void g01_requestCap() {
        settings(limits(10, 3));
        Response r = post("/alerts", alerts("C123", 5));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("Too many alerts for channel C123: 5 alerts (limit: 3)");
        assertThat(queued()).isEmpty();
        assertThat(post("/alerts", alerts("C123", 3)).status()).as("no tokens were consumed").isEqualTo(202);
        settings(limits(10, 1));
        buckets.reset();
        assertThat(post("/alerts", KEEP_AND_DROP).status()).as("only the kept alert counts").isEqualTo(202);
    }

    @Test
    void g02_exhaustedBucket() {
        settings(limits(0.001, 1));
        assertThat(post("/alerts", alerts("C123", 1)).status()).isEqualTo(202);
        Response r = post("/alerts", alerts("C123", 1));
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.error()).isEqualTo("Rate limit exceeded for 1 alerts in channel C123");
        assertThat(r.header("Retry-After")).isEqualTo("1000");
        assertThat(r.header("Ratelimit-Limit")).isEqualTo("1");
        assertThat(r.header("Ratelimit-Remaining")).isEqualTo("0");
        assertThat(r.header("Ratelimit-Reset")).isEqualTo("1000");
        assertThat(queued()).hasSize(1);
    }

    @Test
    void g03_successHeadersOfTightestChannel() {
        settings(limits(100, 10));
        Response r = post("/alerts", alerts("C123", 5));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.header("Ratelimit-Limit")).isEqualTo("10");
        assertThat(r.header("Ratelimit-Remaining")).isEqualTo("5");
        assertThat(r.header("Ratelimit-Reset")).isEqualTo("1");
        assertThat(queued()).hasSize(5);
        buckets.reset();
        Response both = post("/alerts", "[{\"slackChannelId\":\"C123\",\"header\":\"1\"},{\"slackChannelId\":\"C123\",\"header\":\"2\"},"
                + "{\"slackChannelId\":\"C456\",\"header\":\"3\"}]");
        assertThat(both.header("Ratelimit-Remaining")).isEqualTo("8");
    }

    @Test
    void g04_independentChannels() {
        settings(limits(100, 100));
        assertThat(post("/alerts", "[{\"slackChannelId\":\"C123\",\"header\":\"1\"},{\"slackChannelId\":\"C123\",\"header\":\"2\"},"
                + "{\"slackChannelId\":\"C456\",\"header\":\"3\"}]").status()).isEqualTo(202);
        assertThat(queued("C123")).hasSize(2);
        assertThat(queued("C456")).hasSize(1);
    }

    @Test
    void g05_defaults() {
        settings(limits(1, 30));
        assertThat(post("/alerts", alerts("C123", 31)).error()).isEqualTo("Too many alerts for channel C123: 31 alerts (limit: 30)");
        Response fresh = post("/alerts", alerts("C456", 1));
        assertThat(fresh.header("Ratelimit-Limit")).isEqualTo("30");
        assertThat(fresh.header("Ratelimit-Remaining")).isEqualTo("29");
        assertThat(fresh.header("Ratelimit-Reset")).isEqualTo("1");
        Response full = post("/alerts", alerts("C123", 30));
        assertThat(full.status()).isEqualTo(202);
        assertThat(full.header("Ratelimit-Remaining")).isEqualTo("0");
        assertThat(full.header("Ratelimit-Reset")).isEqualTo("30");
        Response next = post("/alerts", alerts("C123", 1));
        assertThat(next.status()).isEqualTo(429);
        assertThat(next.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void g06_rejectionConsumesNothing() {
        settings(limits(0.001, 3));
        Response a = post("/alerts", alerts("C123", 2));
        assertThat(a.status()).isEqualTo(202);
        assertThat(a.header("Ratelimit-Remaining")).isEqualTo("1");
        Response b = post("/alerts", alerts("C123", 2));
        assertThat(b.status()).isEqualTo(429);
        assertThat(b.header("Retry-After")).isEqualTo("1000");
        Response c = post("/alerts", alerts("C123", 1));
        assertThat(c.status()).isEqualTo(202);
        assertThat(c.header("Ratelimit-Remaining")).isEqualTo("0");
    }

    /** Better than the reference: a request for two channels where one bucket is empty takes no token from either. */
    @Test
    void refusalForOneChannelTakesNoTokenFromAnother() {
        settings(limits(0.001, 2));
        assertThat(post("/alerts", alerts("C456", 2)).status()).isEqualTo(202);
        Response r = post("/alerts", "[{\"slackChannelId\":\"C123\",\"header\":\"a\"},{\"slackChannelId\":\"C456\",\"header\":\"b\"}]");
        assertThat(r.status()).isEqualTo(429);
        Response c = post("/alerts", alerts("C123", 2));
        assertThat(c.status()).as("C123 still has its two tokens").isEqualTo(202);
        assertThat(queued("C123")).hasSize(2);
    }
}
