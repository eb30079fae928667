package dev.slackmgr.manager.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Webhook callback settings ({@code slackmgr.webhooks.*}).
 *
 * @param allowedTargets host names, {@code *.domain} wildcards, IP addresses or CIDR ranges that may be called even
 *                       though they are not public {@code https://} targets (default none)
 * @param timeout        connect and response timeout of one HTTP attempt (default 3 s, as the reference)
 * @param maxAttempts    HTTP attempts in all, retries included (default 3: the reference's 2 retries)
 * @param retryWait      wait between attempts (default 1 s)
 * @param threads        callbacks sent at the same time (default 4)
 */
@ConfigurationProperties("slackmgr.webhooks")
public record WebhookSettings(List<String> allowedTargets, Duration timeout, Integer maxAttempts, Duration retryWait,
                              Integer threads) {
    public WebhookSettings {
        allowedTargets = allowedTargets == null ? List.of() : List.copyOf(allowedTargets);
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(3) : timeout;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 3 : maxAttempts;
        retryWait = retryWait == null || retryWait.isNegative() ? Duration.ofSeconds(1) : retryWait;
        threads = threads == null || threads < 1 ? 4 : threads;
    }
}
