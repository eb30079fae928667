package dev.slackmgr.common.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestRedisTest {
    @Test
    void servesARealRedisWithStreams() {
        RedisClient client = RedisClient.create(TestRedis.url());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            String id = c.sync().xadd("test:stream", "k", "v");
            assertThat(id).contains("-");
            assertThat(c.sync().xlen("test:stream")).isEqualTo(1L);
            assertThat(c.sync().info("server")).containsPattern("redis_version:(6\\.2|[7-9])");
        } finally {
            client.shutdown();
        }
    }
}
