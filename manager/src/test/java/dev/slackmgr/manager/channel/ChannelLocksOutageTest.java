package dev.slackmgr.manager.channel;

import dev.slackmgr.common.testing.RestartableRedis;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * A channel lock whose release fails because Redis is down is released once Redis is back, not left to its TTL
 * (found by ManagerRedisOutageTest: a 3 s outage left four channels locked for the 5 min TTL). Redis keeps its data
 * across the restart (append-only file), as a real one would.
 */
class ChannelLocksOutageTest {
    @Test
    void aReleaseThatFailsWhileRedisIsDownHappensWhenItIsBack() throws Exception {
        RestartableRedis redis = new RestartableRedis();
        try (RedisConnector connector = RedisConnector.standalone(redis.url());
             QueueConnection connection = connector.connect()) {
            ChannelLocks locks = new ChannelLocks(connection, "lock-outage:", Duration.ofMillis(20));
            ChannelLocks.Lock lock = locks.obtain("C1", Duration.ofMinutes(5), Duration.ofSeconds(1));
            redis.stop();
            assertThatCode(lock::close).as("the work is done; a failed release must not fail it").doesNotThrowAnyException();
            redis.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (keyExists(connection) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(keyExists(connection)).as("released after Redis came back, long before the 5 min TTL")
                    .isFalse();
            try (ChannelLocks.Lock again = locks.obtain("C1", Duration.ofMinutes(5), Duration.ofSeconds(1))) {
                assertThat(again).isNotNull();
            }
        } finally {
            redis.stop();
        }
    }

    private static boolean keyExists(QueueConnection connection) {
        try {
            return connection.sync().exists("lock-outage:channel-lock:C1") > 0;
        } catch (RuntimeException notConnectedYet) {
            return true;
        }
    }

}
