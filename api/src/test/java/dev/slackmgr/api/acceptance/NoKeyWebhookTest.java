package dev.slackmgr.api.acceptance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** acceptance-cases.md §H01: webhooks without an encryption key. */
class NoKeyWebhookTest extends ApiTestBase {

    @Test
    void h01_webhooksNeedAKey() {
        Response r = post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"Test Alert\",\"webhooks\":[{\"id\":\"webhook-1\","
                + "\"url\":\"https://example.com/webhook\",\"buttonText\":\"Click me\"}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("Alert contains webhooks, but no encryption key is configured");
        assertThat(queued()).isEmpty();
        assertThat(post("/alerts", "{\"slackChannelId\":\"C123\",\"header\":\"x\",\"webhooks\":[]}").status()).isEqualTo(202);
    }
}
