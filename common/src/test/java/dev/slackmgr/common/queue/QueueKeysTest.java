package dev.slackmgr.common.queue;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueKeysTest {

    @Test
    void channelKeysShareTheChannelHashTagAndQueueKeysTheQueueTag() {
        QueueKeys k = QueueKeys.of("alerts");
        assertThat(k.stream("C123")).isEqualTo("slack-manager:queue:alerts:stream:{C123}");
        assertThat(k.lock("C123")).isEqualTo("slack-manager:queue:alerts:lock:{C123}");
        assertThat(k.index()).isEqualTo("slack-manager:queue:alerts:streams:{alerts}");
        assertThat(k.activity()).isEqualTo("slack-manager:queue:alerts:stream-activity:{alerts}");
        assertThat(k.notifications()).isEqualTo("slack-manager:queue:alerts:notify:{alerts}");
        assertThat(k.deadLetters()).isEqualTo("slack-manager:queue:alerts:dead-letters:{alerts}");
        assertThat(k.channelOf(k.stream("C123"))).isEqualTo("C123");
        assertThat(k.channelOf("slack-manager:queue:commands:stream:{C123}")).isNull();
        assertThat(QueueKeys.of("commands").stream("C1")).isNotEqualTo(k.stream("C1"));
    }

    @Test
    void rejectsNamesThatWouldBreakTheLayout() {
        assertThatThrownBy(() -> QueueKeys.of("a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueueKeys.of("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueueKeys.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueueKeys("p{x}", "alerts")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueueKeys.of("alerts").stream("C{1}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsRequireClaimIdleBelowLockTtlAndCapTheBackoff() {
        assertThatThrownBy(() -> QueueOptions.defaults().withLockTiming(Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .hasMessageContaining("claimMinIdleTime");
        QueueOptions o = QueueOptions.defaults();
        assertThat(o.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(o.backoff(20)).isEqualTo(Duration.ofSeconds(30));
    }
}
