package dev.slackmgr.api.errorreport;

import dev.slackmgr.api.web.ErrorReporter;
import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.common.alert.Hashes;
import dev.slackmgr.common.queue.QueueProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queues a synthetic alert describing each refused request to the configured error-report channel
 * (rest-api.md §3.1). The report is not cleaned, validated or rate limited; failing to queue it is only logged.
 */
public final class QueueErrorReporter implements ErrorReporter {
    private static final Logger log = LoggerFactory.getLogger(QueueErrorReporter.class);

    private final String channelId;
    private final QueueProducer queue;
    private final Clock clock;

    public QueueErrorReporter(String channelId, QueueProducer queue, Clock clock) {
        this.channelId = channelId;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public void report(int status, String rawMessage, Alert alert, String pathChannel) {
        try {
            queue.send(channelId, List.of(AlertJson.encode(reportFor(status, rawMessage, alert, pathChannel))));
        } catch (RuntimeException e) {
            log.warn("Could not queue the error report for a {} response: {}", status, e.getMessage());
        }
    }

    Alert reportFor(int status, String rawMessage, Alert alert, String pathChannel) {
        String target = target(alert, pathChannel);
        StringBuilder text = new StringBuilder()
                .append("*Target*: `").append(target).append("`\n*Error*: `").append(rawMessage).append('`');
        debugFields(alert).forEach((k, v) -> text.append("\n*").append(k).append("*: `").append(v).append('`'));
        Alert.Builder b = Alert.builder();
        b.timestamp = clock.instant().atOffset(ZoneOffset.UTC);
        b.severity = status < 500 ? "warning" : "error";
        b.correlationId = "__client_error_" + target + "_" + Hashes.hc(rawMessage);
        b.header = ":status: Client error " + status;
        b.fallbackText = "Client error " + status;
        b.slackChannelId = channelId;
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 3600;
        b.archivingDelaySeconds = 86400;
        b.metadata = Map.of();
        b.text = text.toString();
        return b.build();
    }

    static String target(Alert alert, String pathChannel) {
        if (alert != null && !alert.slackChannelId().isEmpty()) {
            return alert.slackChannelId() + " (channel ID from alert body)";
        }
        if (pathChannel != null && !pathChannel.isEmpty()) {
            return pathChannel + " (channel ID from URL param)";
        }
        if (alert != null && !alert.routeKey().isEmpty()) {
            return alert.routeKey() + " (route key)";
        }
        return "[no channel ID or route key found]";
    }

    private static Map<String, String> debugFields(Alert alert) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (alert == null) {
            return fields;
        }
        fields.put("CorrelationId", sanitise(alert.correlationId()));
        fields.put("Header", sanitise(cutBytes(alert.header(), 200)));
        fields.put("Body", sanitise(cutBytes(alert.text(), 1000)));
        return fields;
    }

    /** Strips Slack markup characters and newlines, and keeps at most 100 bytes. */
    static String sanitise(String s) {
        String out = s.replace(":status:", "").replaceAll("[`*~_<>]", "").replace('\n', ' ').trim();
        return out.getBytes(StandardCharsets.UTF_8).length > 100 ? prefixBytes(out, 97) + "..." : out;
    }

    private static String cutBytes(String s, int max) {
        return s.getBytes(StandardCharsets.UTF_8).length > max ? prefixBytes(s, max) + "..." : s;
    }

    /** The longest prefix of whole code points that fits in {@code max} UTF-8 bytes. */
    private static String prefixBytes(String s, int max) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > max) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }
}
