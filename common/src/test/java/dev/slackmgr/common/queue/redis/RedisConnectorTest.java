package dev.slackmgr.common.queue.redis;

import dev.slackmgr.common.testing.TestRedis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisConnectorTest {

    @Test
    void standaloneConnectionsRunCommandsThroughTheClusterCompatibleInterfaces() throws Exception {
        try (RedisConnector connector = RedisConnector.standalone(TestRedis.url());
             QueueConnection c = connector.connect()) {
            assertThat(connector.isCluster()).isFalse();
            assertThat(c.sync().ping()).isEqualTo("PONG");
            assertThat(c.async().ping().get()).isEqualTo("PONG");
        }
    }

    @Test
    void clusterAndSentinelTargetsAreBuiltLazilyAndValidated() {
        try (RedisConnector cluster = new RedisConnector(
                new RedisConnector.Cluster(List.of("127.0.0.1:7000", "127.0.0.1:7001"), null, "secret"),
                Duration.ofSeconds(1))) {
            assertThat(cluster.isCluster()).isTrue();
        }
        try (RedisConnector sentinel = new RedisConnector(
                new RedisConnector.Sentinel("mymaster", List.of("127.0.0.1:26379", "127.0.0.2"), "user", "pw", 1),
                Duration.ofSeconds(1))) {
            assertThat(sentinel.isCluster()).isFalse();
        }
        assertThatThrownBy(() -> new RedisConnector.Cluster(List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedisConnector.Sentinel("m", List.of(), null, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
