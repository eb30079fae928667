package dev.slackmgr.manager.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Webhook callbacks: the target policy from {@code slackmgr.webhooks.allowed-targets}, the built-in HTTPS handler
 * and the dispatcher with every {@link WebhookHandler} bean before it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
public class WebhookConfiguration {

    @Bean
    WebhookTargetPolicy webhookTargetPolicy(WebhookSettings settings) {
        return new WebhookTargetPolicy(settings.allowedTargets(), InetAddress::getAllByName);
    }

    @Bean(destroyMethod = "close")
    HttpsWebhookHandler httpsWebhookHandler(WebhookTargetPolicy policy, WebhookSettings settings) {
        return new HttpsWebhookHandler(policy, settings.timeout(), settings.maxAttempts(), settings.retryWait());
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService webhookExecutor(WebhookSettings settings) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    WebhookDispatcher webhookDispatcher(ObjectProvider<WebhookHandler> handlers, HttpsWebhookHandler https,
                                        ExecutorService webhookExecutor, MeterRegistry metrics) {
        return new WebhookDispatcher(handlers.orderedStream().filter(h -> h != https).toList(), https,
                webhookExecutor, metrics);
    }
}
