package dev.slackmgr.manager.channel;

import dev.slackmgr.manager.issue.IssueResult;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The reference's per-channel alert metrics (observability-and-config.md §1.2), labelled with the channel
 * <em>name</em>. Alert processing never waits for {@code conversations.info}, so outcomes of a channel whose name
 * is still being looked up are held here and counted under its name once it is known (next alerts or the next
 * processing cycle of the channel).
 */
final class OutcomeMetrics {
    private final MeterRegistry metrics;
    private final UnaryOperator<String> names;
    private final Map<String, List<IssueResult.Outcome>> held = new HashMap<>();

    OutcomeMetrics(MeterRegistry metrics, UnaryOperator<String> names) {
        this.metrics = metrics;
        this.names = names;
    }

    void count(String channelId, List<IssueResult.Outcome> outcomes) {
        String name = names.apply(channelId);
        if (name.isEmpty()) {
            synchronized (held) {
                held.computeIfAbsent(channelId, k -> new ArrayList<>()).addAll(outcomes);
            }
            return;
        }
        flush(channelId, name);
        outcomes.forEach(o -> count(name, o));
    }

    /** Counts held outcomes of the channel if its name is known by now. */
    void flush(String channelId) {
        boolean any;
        synchronized (held) {
            any = held.containsKey(channelId);
        }
        if (any) {
            String name = names.apply(channelId);
            if (!name.isEmpty()) {
                flush(channelId, name);
            }
        }
    }

    private void flush(String channelId, String name) {
        List<IssueResult.Outcome> earlier;
        synchronized (held) {
            earlier = held.remove(channelId);
        }
        if (earlier != null) {
            earlier.forEach(o -> count(name, o));
        }
    }

    private void count(String channelName, IssueResult.Outcome outcome) {
        metrics.counter("slackmgr.alerts.processed", "channel", channelName).increment();
        if (outcome == IssueResult.Outcome.CREATED) {
            // the reference's issues_created_total: "_created" is a reserved OpenMetrics suffix that the
            // Prometheus client strips, so the counter is named issues_opened (docs/compatibility.md)
            metrics.counter("slackmgr.issues.opened", "channel", channelName).increment();
        } else if (outcome == IssueResult.Outcome.GROUPED) {
            metrics.counter("slackmgr.alerts.grouped", "channel", channelName).increment();
        } else if (outcome == IssueResult.Outcome.IGNORED) {
            metrics.counter("slackmgr.alerts.ignored", "channel", channelName).increment();
        }
    }
}
