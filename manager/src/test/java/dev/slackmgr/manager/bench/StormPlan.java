package dev.slackmgr.manager.bench;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertJson;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of a storm: {@code rounds} alerts for each of {@code corrIds} correlation IDs in each of
 * {@code channels} channels, written round by round (every channel gets every correlation ID once per round),
 * grouped into sends of up to 100 bodies per channel as the API writes them. Severities rotate through
 * warning/error/panic; every 20th round half of the correlation IDs resolve (and fire again in the next round),
 * and the last alert of every fourth correlation ID is a resolve. Timestamps rise by 1 ms per alert, so they are
 * strictly increasing per correlation ID. Each alert's text carries its sequence number ({@code [seq N]}), so
 * a post showing the last alert's text shows the issue's final state (no {@code =} in the marker: the SDK's
 * JSON sends it as a Unicode escape).
 */
public final class StormPlan {
    record Send(String channel, List<String> bodies) {
    }

    private final List<String> channels = new ArrayList<>();
    private final List<Send> sends = new ArrayList<>();
    /** channel → correlation ID → sequence number of its last alert. */
    private final Map<String, Map<String, Integer>> last = new LinkedHashMap<>();
    private final int total;

    StormPlan(int alerts, int channelCount, int corrIds) {
        for (int c = 0; c < channelCount; c++) {
            String id = String.format("C0BENCH%03d", c);
            channels.add(id);
            last.put(id, new HashMap<>());
        }
        int rounds = Math.max(1, alerts / (channelCount * corrIds));
        total = rounds * channelCount * corrIds;
        Instant base = Instant.now().minusMillis(total + 60_000L);
        Map<String, List<String>> pending = new HashMap<>();
        int seq = 0;
        for (int r = 0; r < rounds; r++) {
            for (String channel : channels) {
                List<String> batch = pending.computeIfAbsent(channel, k -> new ArrayList<>());
                for (int k = 0; k < corrIds; k++) {
                    String severity = severity(r, k, rounds);
                    batch.add(alert(channel, "storm-" + k, severity, seq, base.plusMillis(seq)));
                    last.get(channel).put("storm-" + k, seq);
                    seq++;
                }
                if (batch.size() >= 100 || r == rounds - 1) {
                    sends.add(new Send(channel, batch));
                    pending.put(channel, new ArrayList<>());
                }
            }
        }
    }

    /**
     * Severity of correlation ID {@code k} in {@code round}: rotating warning/error/panic; every 20th round the even
     * IDs resolve, and every fourth ends resolved. Shared with the fault scenarios ({@code e2e.FaultStorm}).
     */
    public static String severity(int round, int k, int rounds) {
        boolean lastRound = round == rounds - 1;
        if ((lastRound && k % 4 == 0) || (!lastRound && round % 20 == 19 && k % 2 == 0)) {
            return "resolved";
        }
        return switch ((round + k) % 3) {
            case 0 -> "warning";
            case 1 -> "error";
            default -> "panic";
        };
    }

    private static String alert(String channel, String correlationId, String severity, int seq, Instant at) {
        return alert("Storm", channel, correlationId, severity, seq, at);
    }

    /** One storm alert's JSON; its text carries {@link #marker} of {@code seq}. */
    public static String alert(String title, String channel, String correlationId, String severity, int seq,
                               Instant at) {
        Alert.Builder b = Alert.builder();
        b.timestamp = at.atOffset(ZoneOffset.UTC);
        b.slackChannelId = channel;
        b.correlationId = correlationId;
        b.header = ":status: " + title + " " + correlationId;
        b.text = "value " + (seq % 97) + " " + marker(seq);
        b.severity = severity;
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 3600;
        b.archivingDelaySeconds = 7200;
        return AlertJson.encode(b.build());
    }

    /** No {@code =} in the marker: the SDK's JSON sends it as a Unicode escape. */
    public static String marker(int seq) {
        return "[seq " + seq + "]";
    }

    List<String> channels() {
        return channels;
    }

    List<Send> sends() {
        return sends;
    }

    int total() {
        return total;
    }

    int issues() {
        return last.values().stream().mapToInt(Map::size).sum();
    }

    /** channel → correlation ID → marker of the last alert. */
    Map<String, Map<String, String>> finalMarkers() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        last.forEach((ch, m) -> {
            Map<String, String> markers = new HashMap<>();
            m.forEach((corr, seq) -> markers.put(corr, marker(seq)));
            out.put(ch, markers);
        });
        return out;
    }
}
