package dev.slackmgr.manager.slack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class SlackFailureTest {

    @Test
    void slackErrorCodesAreTransientOnlyForServerSideTrouble() {
        for (String code : new String[]{"internal_error", "fatal_error", "service_unavailable", "request_timeout",
                "ratelimited", "rate_limited"}) {
            assertThat(SlackFailure.ofErrorCode(code)).isEqualTo(new SlackFailure.Transient(code));
        }
        for (String code : new String[]{"channel_not_found", "invalid_blocks", "not_in_channel", "is_archived",
                "message_not_found", "cant_update_message"}) {
            assertThat(SlackFailure.ofErrorCode(code)).isEqualTo(new SlackFailure.Permanent(code));
        }
        assertThat(SlackFailure.ofErrorCode(null).code()).isEqualTo("unknown");
    }

    @Test
    void ioErrorsAreTransient() {
        assertThat(SlackFailure.ofException(new SocketTimeoutException("read timed out")))
                .isEqualTo(new SlackFailure.Transient("timeout"));
        assertThat(SlackFailure.ofException(new IOException("connection refused")))
                .isEqualTo(new SlackFailure.Transient("io_error"));
    }

    @Test
    void metricLabelIsTheSlackCodeOrUnknown() {
        assertThat(new SlackFailure.Permanent("channel_not_found").metricLabel()).isEqualTo("channel_not_found");
        assertThat(new SlackFailure.Transient("http_503").metricLabel()).isEqualTo("unknown");
        assertThat(new SlackFailure.Permanent("Bad Thing").metricLabel()).isEqualTo("unknown");
        assertThat(new SlackFailure.RateLimited(java.time.Duration.ofSeconds(3)).metricLabel()).isEqualTo("rate_limited");
    }
}
