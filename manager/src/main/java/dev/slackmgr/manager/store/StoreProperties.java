package dev.slackmgr.manager.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code slackmgr.store.*}: how long audit alerts and archived issues are kept (storage.md §5.5) and how often
 * expired rows are deleted.
 */
@ConfigurationProperties("slackmgr.store")
public record StoreProperties(@DefaultValue("30d") Duration alertsTtl,
                              @DefaultValue("180d") Duration issuesTtl,
                              @DefaultValue("1h") Duration ttlCleanupInterval) {
    public StoreProperties {
        requirePositive("alerts-ttl", alertsTtl);
        requirePositive("issues-ttl", issuesTtl);
        requirePositive("ttl-cleanup-interval", ttlCleanupInterval);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("slackmgr.store." + name + " must be positive, was " + d);
        }
    }
}
