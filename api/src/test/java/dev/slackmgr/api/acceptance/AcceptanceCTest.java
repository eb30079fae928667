package dev.slackmgr.api.acceptance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** acceptance-cases.md §C – channel checks. */
class AcceptanceCTest extends ApiTestBase {

    @Test
    void c01_unknownAndArchived() {
        assertThat(post("/alerts", "{\"slackChannelId\":\"C999\",\"header\":\"x\"}").error())
                .isEqualTo("Unable to find channel C999 in workspace");
        assertThat(post("/alerts", "{\"slackChannelId\":\"CARCHIVED\",\"header\":\"x\"}").error())
                .isEqualTo("Channel CARCHIVED is archived");
        assertThat(queued()).isEmpty();
    }

    @Test
    void c02_botNotMemberAndTooManyUsers() {
        assertThat(post("/alerts", "{\"slackChannelId\":\"CNOBOT\",\"header\":\"x\"}").error())
                .isEqualTo("The Slack Manager integration is not in channel CNOBOT");
        assertThat(post("/alerts", "{\"slackChannelId\":\"CBIG\",\"header\":\"x\"}").status()).isEqualTo(202);
        settings(FIXTURE.replace("maxUsersInAlertChannel: 1000", "maxUsersInAlertChannel: 100"));
        Response r = post("/alerts", "{\"slackChannelId\":\"CBIG\",\"header\":\"x\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("The number of users (500) in channel CBIG exceeds the limit (100)");
        assertThat(queued("CBIG")).hasSize(1);
    }

    @Test
    void c03_lookupErrorIs500() {
        Response r = post("/alerts", "{\"slackChannelId\":\"CERR\",\"header\":\"x\"}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.error()).isEqualTo("Internal server error");
        assertThat(queued()).isEmpty();
    }

    /** Deliberate difference: the whole request is checked before anything is written, so nothing is queued. */
    @Test
    void c04_refusedBatchQueuesNothing() {
        Response r = post("/alerts", "[{\"slackChannelId\":\"C123\",\"header\":\"a\"},"
                + "{\"slackChannelId\":\"CARCHIVED\",\"header\":\"b\"}]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("Channel CARCHIVED is archived");
        assertThat(queued()).isEmpty();
    }
}
