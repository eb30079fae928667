package dev.slackmgr.manager.queue;

import dev.slackmgr.common.queue.MessageHandler;
import dev.slackmgr.common.queue.QueueConsumer;
import dev.slackmgr.common.queue.QueueKeys;
import dev.slackmgr.common.queue.QueueOptions;
import dev.slackmgr.common.queue.QueueTracing;
import dev.slackmgr.common.queue.RedisStreamQueueProducer;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * Wires the Redis Streams queues of the manager when {@code slackmgr.queue.enabled} (default true): a connection
 * from the standard {@code spring.data.redis.*} properties (cluster nodes, else sentinel, else URL), a producer
 * and a consumer for {@code alerts} and for {@code commands}. The message handlers are the beans named
 * {@code alertMessageHandler} and {@code commandMessageHandler}; without them messages are only logged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "slackmgr.queue.enabled", havingValue = "true", matchIfMissing = true)
public class QueueConfiguration {

    @Bean(destroyMethod = "close")
    RedisConnector queueRedisConnector(Environment env) {
        return new RedisConnector(RedisConnector.targetFrom(env::getProperty),
                env.getProperty("spring.data.redis.timeout", Duration.class, Duration.ofSeconds(5)));
    }

    @Bean(destroyMethod = "close")
    QueueConnection queueConnection(RedisConnector queueRedisConnector) {
        return queueRedisConnector.connect();
    }

    @Bean
    QueueOptions queueOptions(@Value("${slackmgr.queue.key-prefix:" + QueueKeys.DEFAULT_PREFIX + "}") String prefix,
                              @Value("${slackmgr.queue.concurrency:8}") int concurrency,
                              @Value("${slackmgr.queue.lock-ttl:140s}") Duration lockTtl,
                              @Value("${slackmgr.queue.claim-min-idle-time:120s}") Duration claimMinIdleTime) {
        return QueueOptions.defaults().withKeyPrefix(prefix).withConcurrency(concurrency)
                .withLockTiming(lockTtl, claimMinIdleTime);
    }

    @Bean
    RedisStreamQueueProducer alertQueueProducer(QueueConnection queueConnection, QueueOptions queueOptions,
                                             QueueTracing queueTracing) {
        return new RedisStreamQueueProducer(queueConnection, QueueKeys.ALERTS, queueOptions, queueTracing);
    }

    @Bean
    RedisStreamQueueProducer commandQueueProducer(QueueConnection queueConnection, QueueOptions queueOptions,
                                             QueueTracing queueTracing) {
        return new RedisStreamQueueProducer(queueConnection, QueueKeys.COMMANDS, queueOptions, queueTracing);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    QueueConsumer alertQueueConsumer(RedisConnector queueRedisConnector, QueueOptions queueOptions,
                                     @Qualifier("alertMessageHandler") ObjectProvider<MessageHandler> handler,
                                     MeterRegistry meterRegistry, QueueTracing queueTracing) {
        return QueueConsumer.create(queueRedisConnector, QueueKeys.ALERTS, queueOptions,
                handler.getIfAvailable(LoggingMessageHandler::new), meterRegistry, queueTracing);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    QueueConsumer commandQueueConsumer(RedisConnector queueRedisConnector, QueueOptions queueOptions,
                                       @Qualifier("commandMessageHandler") ObjectProvider<MessageHandler> handler,
                                       MeterRegistry meterRegistry, QueueTracing queueTracing) {
        return QueueConsumer.create(queueRedisConnector, QueueKeys.COMMANDS, queueOptions,
                handler.getIfAvailable(LoggingMessageHandler::new), meterRegistry, queueTracing);
    }
}
