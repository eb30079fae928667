package dev.slackmgr.manager.slack.interactive;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.auth.AuthTestRequest;
import dev.slackmgr.common.crypto.PayloadCipher;
import dev.slackmgr.common.queue.QueueProducer;
import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.manager.command.CommandGuard;
import dev.slackmgr.manager.settings.ManagerSettingsSource;
import dev.slackmgr.manager.slack.SlackAction;
import dev.slackmgr.manager.slack.SlackCallRunner;
import dev.slackmgr.manager.slack.SlackClientSettings;
import dev.slackmgr.manager.slack.SlackConfiguration;
import dev.slackmgr.manager.slack.SlackGateway;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.webhook.WebhookDispatcher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wires the Slack interaction layer. The consuming side ({@link InteractionGuard}: dedupe, access checks, refusal
 * notices) is always there with the queues, because any instance may apply a command another instance received.
 * The Socket Mode side (Bolt, the routes) only when {@code slackmgr.socket-mode.app-token} ({@code SLACK_APP_TOKEN})
 * is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "slackmgr.queue.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SocketModeSettings.class)
public class InteractiveConfiguration {

    @Bean
    SlackUsers slackUsers(MethodsClient slackMethodsClient, SlackCallRunner slackCallRunner) {
        return new SlackUsers(slackMethodsClient, slackCallRunner, Duration.ofHours(1), Duration.ofSeconds(60));
    }

    @Bean
    ChannelAdmins channelAdmins(ManagerSettingsSource settings, SlackUsers users) {
        return new ChannelAdmins(settings::current, users);
    }

    @Bean
    SlackNotifier slackNotifier(MethodsClient slackMethodsClient, SlackCallRunner slackCallRunner) {
        return new SlackNotifier(slackMethodsClient, slackCallRunner);
    }

    @Bean
    EventDedupe slackEventDedupe(QueueConnection queueConnection, SocketModeSettings settings,
                                 @Value("${slackmgr.lock-key-prefix:slack-manager:}") String prefix) {
        return new EventDedupe(queueConnection, prefix + "socket-mode:event:", settings.dedupeTtl());
    }

    @Bean
    CommandGuard commandGuard(EventDedupe dedupe, SlackGateway slackGateway, SlackUsers users, ChannelAdmins admins,
                              SlackNotifier notifier, QueueConnection queueConnection, ManagerSettingsSource settings,
                              @Value("${slackmgr.lock-key-prefix:slack-manager:}") String prefix) {
        return new InteractionGuard(dedupe, slackGateway, users, admins, notifier, queueConnection, prefix,
                settings::current);
    }

    @Bean
    WebhookAction webhookAction(IssueStore store, ChannelAdmins admins, SlackNotifier notifier,
                                WebhookDispatcher dispatcher, ManagerSettingsSource settings, Clock clock,
                                @Value("${slackmgr.encryption-key:}") String encryptionKey) {
        return new WebhookAction(store, admins, notifier,
                encryptionKey.isBlank() ? null : new PayloadCipher(encryptionKey.trim()), dispatcher, settings::current,
                clock);
    }

    @Bean
    CreateIssueAction createIssueAction(@Qualifier("alertQueueProducer") QueueProducer alerts,
                                        SlackNotifier notifier, Clock clock) {
        return new CreateIssueAction(alerts, notifier, clock);
    }

    /** The Socket Mode side: only with an app-level token. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${slackmgr.socket-mode.app-token:}'.trim() != ''")
    static class SocketMode {

        @Bean
        CommandQueueWriter commandQueueWriter(@Qualifier("commandQueueProducer") QueueProducer producer) {
            return new CommandQueueWriter(producer);
        }

        @Bean
        IssueLinks issueLinks(MethodsClient slackMethodsClient, SlackCallRunner slackCallRunner) {
            AtomicReference<String> url = new AtomicReference<>();
            return new IssueLinks(() -> url.updateAndGet(u -> u != null ? u : slackCallRunner
                    .call(SlackAction.AUTH_TEST, null, Set.of(),
                            () -> slackMethodsClient.authTest(AuthTestRequest.builder().build())).getUrl()));
        }

        @Bean
        ReactionRoutes reactionRoutes(ManagerSettingsSource settings, CommandQueueWriter queue, Clock clock) {
            return new ReactionRoutes(settings::current, queue, clock);
        }

        @Bean
        SlashCommandRoutes slashCommandRoutes(SocketModeSettings socket, IssueStore store, CommandQueueWriter queue,
                                              IssueLinks links, ManagerSettingsSource settings, Clock clock) {
            return new SlashCommandRoutes(socket.slashCommand(), store, queue, links, settings::current, clock);
        }

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService greetingExecutor() {
            return Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "slack-greetings");
                t.setDaemon(true);
                return t;
            });
        }

        @Bean
        GreetingRoutes greetingRoutes(ManagerSettingsSource settings, SlackNotifier notifier, EventDedupe dedupe,
                                      SocketModeSettings socket,
                                      @Qualifier("greetingExecutor") ExecutorService greetingExecutor) {
            return new GreetingRoutes(settings::current, notifier, dedupe, socket.slashCommand(), greetingExecutor);
        }

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService interactionExecutor() {
            return Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "slack-interactions");
                t.setDaemon(true);
                return t;
            });
        }

        @Bean
        ClickDebounce clickDebounce(QueueConnection queueConnection,
                                    @Value("${slackmgr.lock-key-prefix:slack-manager:}") String prefix) {
            return new ClickDebounce(queueConnection, prefix + "webhook-click:");
        }

        @Bean
        ShortcutRoutes shortcutRoutes(IssueStore store, SlackGateway slackGateway, SlackNotifier notifier,
                                      ChannelAdmins admins, CommandQueueWriter queue, ManagerSettingsSource settings,
                                      @Qualifier("interactionExecutor") ExecutorService interactionExecutor,
                                      Clock clock, @Value("${slackmgr.time-zone:UTC}") String zone) {
            return new ShortcutRoutes(store, slackGateway, notifier, admins, queue, settings::current,
                    interactionExecutor, clock, ZoneId.of(zone));
        }

        @Bean
        ButtonRoutes buttonRoutes(IssueStore store, CommandQueueWriter queue, ClickDebounce debounce,
                                  SlackNotifier notifier, ChannelAdmins admins, ShortcutRoutes shortcuts,
                                  Clock clock) {
            return new ButtonRoutes(store, queue, debounce, notifier, admins, shortcuts, clock);
        }

        @Bean(initMethod = "start", destroyMethod = "close")
        SocketModeRunner socketModeRunner(SlackClientSettings slack, SocketModeSettings socket,
                                          List<InteractionRoutes> routes) {
            return new SocketModeRunner(SlackConfiguration.slack(slack), slack.botToken(), socket, routes);
        }
    }
}
