package dev.slackmgr.common.queue.redis;

import dev.slackmgr.common.testing.TestRedis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisConnectorTest {

    @Test
    void targetFromSpringPropertiesPrefersClusterThenSentinelThenUrl() {
        java.util.Map<String, String> props = new java.util.HashMap<>();
        assertThat(RedisConnector.targetFrom(props::get))
                .isEqualTo(new RedisConnector.Standalone("redis://localhost:6379"));
        props.put("spring.data.redis.url", "redis://cache:6380/2");
        assertThat(RedisConnector.targetFrom(props::get)).isEqualTo(new RedisConnector.Standalone("redis://cache:6380/2"));
        props.put("spring.data.redis.sentinel.master", "mymaster");
        props.put("spring.data.redis.sentinel.nodes", "s1:26379, s2:26379");
        props.put("spring.data.redis.database", "3");
        assertThat(RedisConnector.targetFrom(props::get)).isEqualTo(
                new RedisConnector.Sentinel("mymaster", java.util.List.of("s1:26379", "s2:26379"), null, null, 3));
        props.put("spring.data.redis.cluster.nodes", "n1:7000,n2:7001");
        assertThat(RedisConnector.targetFrom(props::get)).isEqualTo(
                new RedisConnector.Cluster(java.util.List.of("n1:7000", "n2:7001"), null, null));
    }

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
