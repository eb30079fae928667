package dev.slackmgr.manager.e2e;

import dev.slackmgr.manager.bench.StormPlan;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of a fault scenario and the <em>reference model</em>: the final issues the alerts alone imply.
 *
 * <p>{@code channels} × {@code corrIds} issues; {@code rounds} rounds, each one alert per issue, written as one
 * send per channel (as the API writes a request's alerts). Severities rotate warning/error/panic; every 20th round
 * the even correlation IDs resolve (and fire again in the next round); in the last round every fourth correlation
 * ID resolves. Timestamps rise by 1 ms per alert, so they rise strictly per correlation ID and a redelivered alert
 * is never applied twice. Each alert's text carries {@code [seq N]}.
 *
 * <p>The model applies the issue engine's rule for alerts of an open issue (docs/issue-engine.md, §3.6): a strictly
 * newer alert is accepted (alert count + 1, it becomes the last alert) unless the issue is resolved and the alert
 * is a resolve too, which is ignored. Nothing else (crashes, outages, Slack) may change the outcome.
 */
final class FaultStorm {
    record Send(int round, String channel, List<String> bodies) {
    }

    /** The expected final state of one issue. */
    record Expected(String channel, String correlationId, int alertCount, int lastSeq, String severity) {
        String marker() {
            return FaultStorm.marker(lastSeq);
        }
    }

    private final List<String> channels = new ArrayList<>();
    private final List<List<Send>> rounds = new ArrayList<>();
    private final Map<String, Expected> expected = new LinkedHashMap<>();
    private final int total;

    FaultStorm(String channelPrefix, int channelCount, int corrIds, int roundCount) {
        this(channelPrefix, channelCount, corrIds, roundCount, 0);
    }

    /**
     * With {@code stagger > 0} correlation ID {@code k} starts in round {@code k * stagger}, so new issues (and
     * their first posts) keep coming during the storm.
     */
    FaultStorm(String channelPrefix, int channelCount, int corrIds, int roundCount, int stagger) {
        if (roundCount < 2 || (corrIds - 1) * stagger > roundCount - 2) {
            throw new IllegalArgumentException("at least 2 rounds, each correlation ID in at least 2");
        }
        for (int c = 0; c < channelCount; c++) {
            channels.add(String.format("%s%03d", channelPrefix, c));
        }
        Instant base = Instant.now().minusMillis((long) roundCount * channelCount * corrIds + 60_000L);
        int seq = 0;
        for (int r = 0; r < roundCount; r++) {
            List<Send> round = new ArrayList<>();
            for (String channel : channels) {
                List<String> bodies = new ArrayList<>();
                for (int k = 0; k < corrIds; k++) {
                    if (r < k * stagger) {
                        continue;
                    }
                    String corr = "f-" + k;
                    String severity = severity(r, k, roundCount);
                    if (r == k * stagger && severity.equals("resolved")) {
                        severity = "error"; // an issue starts with an alert that fires
                    }
                    bodies.add(alert(channel, corr, severity, seq, base.plusMillis(seq)));
                    apply(channel, corr, severity, seq);
                    seq++;
                }
                round.add(new Send(r, channel, bodies));
            }
            rounds.add(round);
        }
        total = seq;
    }

    private void apply(String channel, String corr, String severity, int seq) {
        String key = key(channel, corr);
        Expected e = expected.get(key);
        if (e == null) {
            expected.put(key, new Expected(channel, corr, 1, seq, severity));
        } else if (!(e.severity().equals("resolved") && severity.equals("resolved"))) {
            expected.put(key, new Expected(channel, corr, e.alertCount() + 1, seq, severity));
        }
    }

    private static String severity(int round, int k, int rounds) {
        return StormPlan.severity(round, k, rounds);
    }

    private static String alert(String channel, String correlationId, String severity, int seq, Instant at) {
        return StormPlan.alert("Fault", channel, correlationId, severity, seq, at);
    }

    static String marker(int seq) {
        return StormPlan.marker(seq);
    }

    static String key(String channel, String correlationId) {
        return channel + "/" + correlationId;
    }

    List<String> channels() {
        return channels;
    }

    /** The sends, round by round. */
    List<List<Send>> rounds() {
        return rounds;
    }

    /** Channel/correlation ID → expected final issue. */
    Map<String, Expected> expected() {
        return expected;
    }

    int total() {
        return total;
    }

    int issues() {
        return expected.size();
    }
}
