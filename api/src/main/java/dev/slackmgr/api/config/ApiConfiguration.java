package dev.slackmgr.api.config;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import dev.slackmgr.api.channel.SlackChannelDirectory;
import dev.slackmgr.api.errorreport.QueueErrorReporter;
import dev.slackmgr.api.ingest.ChannelResolver;
import dev.slackmgr.api.ingest.IngestPipeline;
import dev.slackmgr.api.metrics.HttpMetricsFilter;
import dev.slackmgr.api.ratelimit.ChannelRateLimiter;
import dev.slackmgr.api.security.ApiKeyFilter;
import dev.slackmgr.api.settings.InvalidSettingsException;
import dev.slackmgr.api.settings.SettingsFile;
import dev.slackmgr.api.web.ErrorReporter;
import dev.slackmgr.api.web.RequestBodyReader;
import dev.slackmgr.common.crypto.PayloadCipher;
import dev.slackmgr.common.queue.QueueKeys;
import dev.slackmgr.common.queue.QueueOptions;
import dev.slackmgr.common.queue.QueueProducer;
import dev.slackmgr.common.queue.QueueTracing;
import dev.slackmgr.common.queue.RedisStreamQueueProducer;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.common.queue.redis.RedisConnector;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Wires the ingestion API from {@link ApiProperties}, the settings file and the standard Redis properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
@EnableScheduling
public class ApiConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    SettingsFile settingsFile(ApiProperties props) throws InvalidSettingsException {
        if (props.settingsFile().isEmpty()) {
            return SettingsFile.none();
        }
        return SettingsFile.load(Path.of(props.settingsFile()), props.settingsReloadInterval());
    }

    @Bean
    ChannelRateLimiter channelRateLimiter(SettingsFile settings) {
        ChannelRateLimiter limiter = new ChannelRateLimiter(settings.current().rateLimitPerAlertChannel());
        settings.addListener(s -> limiter.reconfigure(s.rateLimitPerAlertChannel()));
        return limiter;
    }

    @Bean
    MethodsClient slackMethods(ApiProperties props) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(props.slackApiUrl());
        config.setStatsEnabled(false);
        return Slack.getInstance(config).methods(props.slack().botToken());
    }

    @Bean(initMethod = "start")
    SlackChannelDirectory slackChannelDirectory(MethodsClient slackMethods) {
        return new SlackChannelDirectory(slackMethods, SlackChannelDirectory.Timings.defaults());
    }

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
    QueueProducer alertQueueProducer(QueueConnection queueConnection, ApiProperties props, QueueTracing queueTracing) {
        return new RedisStreamQueueProducer(queueConnection, QueueKeys.ALERTS,
                QueueOptions.defaults().withKeyPrefix(props.queueKeyPrefix()), queueTracing);
    }

    @Bean
    IngestPipeline ingestPipeline(SlackChannelDirectory directory, SettingsFile settings, ChannelRateLimiter limiter,
                                  QueueProducer alertQueueProducer, ApiProperties props, Clock clock,
                                  MeterRegistry metrics) {
        PayloadCipher cipher = props.encryptionKey().isEmpty() ? null : new PayloadCipher(props.encryptionKey());
        ChannelResolver resolver = new ChannelResolver(directory, () -> settings.current().routingRules());
        return new IngestPipeline(resolver, directory, limiter, cipher, alertQueueProducer, settings::current, clock,
                metrics);
    }

    @Bean
    RequestBodyReader requestBodyReader(ApiProperties props) {
        return new RequestBodyReader(props.maxBodySize().toBytes());
    }

    @Bean
    @ConditionalOnExpression("'${slackmgr.error-report-channel-id:}' != ''")
    ErrorReporter errorReporter(ApiProperties props, QueueProducer alertQueueProducer, Clock clock) {
        return new QueueErrorReporter(props.errorReportChannelId(), alertQueueProducer, clock);
    }

    @Bean
    FilterRegistrationBean<HttpMetricsFilter> httpMetricsFilter(MeterRegistry registry) {
        FilterRegistrationBean<HttpMetricsFilter> bean = new FilterRegistrationBean<>(new HttpMetricsFilter(registry));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(SettingsFile settings) {
        FilterRegistrationBean<ApiKeyFilter> bean = new FilterRegistrationBean<>(
                new ApiKeyFilter(() -> settings.current().apiKeys()));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    /** Reloads the bot's channel list (names for routing by name, {@code GET /channels}) every 5 minutes. */
    @Bean
    BotChannelRefresher botChannelRefresher(SlackChannelDirectory directory) {
        return new BotChannelRefresher(directory);
    }

    /** Periodic refresh of the channel list; failures are logged and retried at the next round. */
    static final class BotChannelRefresher {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BotChannelRefresher.class);
        private final SlackChannelDirectory directory;

        BotChannelRefresher(SlackChannelDirectory directory) {
            this.directory = directory;
        }

        @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
        void refresh() {
            try {
                directory.reloadBotChannels();
            } catch (RuntimeException e) {
                log.warn("Could not reload the bot's channel list: {}", e.getMessage());
            }
        }
    }
}
