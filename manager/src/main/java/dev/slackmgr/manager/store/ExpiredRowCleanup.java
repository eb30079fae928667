package dev.slackmgr.manager.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes audit alerts and archived issues whose TTL has passed (storage.md §5.5), every
 * {@code slackmgr.store.ttl-cleanup-interval}. Reads already ignore expired rows, so a missed run only costs
 * disk space; failures are logged and retried at the next run.
 */
@Component
public class ExpiredRowCleanup {
    private static final Logger log = LoggerFactory.getLogger(ExpiredRowCleanup.class);

    private final IssueRows issues;
    private final AlertRows alerts;

    ExpiredRowCleanup(IssueRows issues, AlertRows alerts) {
        this.issues = issues;
        this.alerts = alerts;
    }

    /** One cleanup pass; returns the number of deleted rows (issues + alerts). */
    @Scheduled(initialDelayString = "${slackmgr.store.ttl-cleanup-interval:1h}",
            fixedDelayString = "${slackmgr.store.ttl-cleanup-interval:1h}")
    public int deleteExpired() {
        try {
            int deleted = StoreFailures.call("deleteExpired", () -> issues.deleteExpired() + alerts.deleteExpired());
            if (deleted > 0) {
                log.info("Deleted {} expired issue and alert rows", deleted);
            }
            return deleted;
        } catch (RuntimeException e) {
            log.warn("Deleting expired rows failed; retrying at the next interval", e);
            return 0;
        }
    }
}
