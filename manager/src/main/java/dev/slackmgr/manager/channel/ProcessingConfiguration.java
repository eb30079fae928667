package dev.slackmgr.manager.channel;

import dev.slackmgr.common.queue.QueueTracing;
import dev.slackmgr.common.queue.MessageHandler;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.manager.settings.ManagerSettingsSource;
import dev.slackmgr.manager.slack.SlackGateway;
import dev.slackmgr.manager.store.IssueStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Wires alert processing: settings, the issue engine, the channel lock, the effect executor, the channel
 * processor, the periodic cycle and the {@code alertMessageHandler} the alerts queue consumer calls.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "slackmgr.queue.enabled", havingValue = "true", matchIfMissing = true)
public class ProcessingConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    ManagerSettingsSource managerSettings(@Value("${slackmgr.settings-file:}") String path,
                                          @Value("${slackmgr.settings-reload-interval:10s}") Duration reload,
                                          @Value("${slackmgr.time-zone:UTC}") String zone) {
        return ManagerSettingsSource.load(path, reload, ZoneId.of(zone));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ChannelLocks channelLocks(QueueConnection queueConnection,
                              @Value("${slackmgr.lock-key-prefix:slack-manager:}") String prefix) {
        return new ChannelLocks(queueConnection, prefix, Duration.ofMillis(20));
    }

    @Bean
    PostCalls postCalls(SlackGateway slack, IssueStore store, Clock clock) {
        return new PostCalls(slack, store, clock);
    }

    @Bean
    PostSyncer postSyncer(IssueStore store, SlackGateway slack, ChannelLocks locks, PostCalls calls,
                          ManagerSettingsSource settings, Clock clock, MeterRegistry metrics,
                          @Value("${slackmgr.channel-lock-ttl:5m}") Duration lockTtl, QueueTracing queueTracing) {
        return new PostSyncer(store, slack, locks, calls, settings::engine, clock, metrics, lockTtl, queueTracing);
    }

    @Bean(destroyMethod = "close")
    PostSyncScheduler postSyncScheduler(PostSyncer syncer,
                                        @Value("${slackmgr.post-sync.threads:4}") int threads) {
        return new PostSyncScheduler(syncer, threads);
    }

    @Bean
    ChannelProcessor channelProcessor(IssueStore store, SlackGateway slack, ChannelLocks locks, PostCalls calls,
                                      PostSyncScheduler syncs, ManagerSettingsSource settings,
                                      Clock clock, MeterRegistry metrics,
                                      @Value("${slackmgr.encryption-key:}") String encryptionKey,
                                      @Value("${slackmgr.channel-lock-ttl:5m}") Duration lockTtl,
                                      QueueTracing queueTracing) {
        EffectRecorder recorder = new EffectRecorder(new IssueMover(slack, store, locks), calls,
                queueTracing::currentTraceparent);
        return new ChannelProcessor(store, slack, locks, recorder, syncs, settings::current, settings::engine, clock,
                metrics, !encryptionKey.isBlank(), lockTtl);
    }

    @Bean
    InfraRetry infraRetry() {
        return new InfraRetry(Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    TickScheduler tickScheduler(ChannelProcessor processor, IssueStore store, ManagerSettingsSource settings,
                                PostSyncScheduler syncs) {
        return new TickScheduler(processor, store, () -> Duration.ofSeconds(settings.current().issueProcessingIntervalSeconds()),
                syncs);
    }

    @Bean
    MessageHandler commandMessageHandler(ChannelProcessor processor, InfraRetry retry, MeterRegistry metrics,
                                         dev.slackmgr.manager.command.CommandGuard commandGuard,
                                         org.springframework.beans.factory.ObjectProvider<
                                                 dev.slackmgr.manager.command.CommandAction> actions) {
        return new dev.slackmgr.manager.command.CommandMessageHandler(processor, retry, metrics, commandGuard,
                actions.orderedStream().toList());
    }

    @Bean
    MessageHandler alertMessageHandler(ChannelProcessor processor, InfraRetry retry, TickScheduler ticks,
                                       MeterRegistry metrics) {
        return new AlertMessageHandler(processor, retry, ticks, metrics);
    }
}
