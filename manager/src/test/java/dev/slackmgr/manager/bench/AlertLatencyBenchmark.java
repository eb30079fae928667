package dev.slackmgr.manager.bench;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.common.testing.slack.FakeSlack;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert-to-Slack latency of an idle manager ({@link BenchManager}): after a warm-up alert per channel, one alert
 * every {@code interval} ms, each a new issue (new correlation ID) in the next of {@code channels} channels;
 * the latency is from just before {@code send} to the fake Slack reading the {@code chat.postMessage} request
 * that carries the issue (its last such request if an earlier one was refused), before the fake's 50 ms answer
 * latency. Arguments: [seconds (60)] [interval ms (100)] [channels (20)].
 */
public final class AlertLatencyBenchmark {
    private static final Pattern CORRELATION = Pattern.compile("\"correlationId\"\\s*:\\s*\"(lat-\\d+)\"");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int intervalMs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int channelCount = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<String> channels = new ArrayList<>();
        for (int c = 0; c < channelCount; c++) {
            channels.add(String.format("C0LAT%03d", c));
        }
        try (BenchManager manager = new BenchManager(channels)) {
            warmUp(manager, channels);
            int count = seconds * 1000 / intervalMs;
            Map<String, Long> sent = new HashMap<>();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * intervalMs * 1_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
                String channel = channels.get(i % channelCount);
                String corr = "lat-" + i;
                sent.put(corr, System.nanoTime());
                manager.queue().send(channel, List.of(alert(channel, corr)));
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (received(manager.slack()).keySet().containsAll(sent.keySet()) == false
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            report(sent, received(manager.slack()), manager.slack());
            System.out.println("memory: " + ProcessStats.memory());
        }
        System.exit(0);
    }

    private static void warmUp(BenchManager manager, List<String> channels) throws InterruptedException {
        for (String channel : channels) {
            manager.queue().send(channel, List.of(alert(channel, "warm-up")));
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (manager.slack().callCount("chat.postMessage") < channels.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(2000);
        manager.slack().clearCalls();
    }

    /** Correlation ID → when the fake read its last {@code chat.postMessage} request. */
    private static Map<String, Long> received(FakeSlack slack) {
        Map<String, Long> out = new HashMap<>();
        for (FakeSlack.Call call : slack.calls()) {
            if (call.method().equals("chat.postMessage")) {
                Matcher m = CORRELATION.matcher(call.params().getOrDefault("metadata", ""));
                if (m.find()) {
                    out.merge(m.group(1), call.receivedNanos(), Math::max);
                }
            }
        }
        return out;
    }

    private static void report(Map<String, Long> sent, Map<String, Long> received, FakeSlack slack) {
        double[] ms = sent.entrySet().stream().filter(e -> received.containsKey(e.getKey()))
                .mapToDouble(e -> (received.get(e.getKey()) - e.getValue()) / 1e6).sorted().toArray();
        System.out.printf("alerts sent %d, posted %d; latency send -> chat.postMessage received: p50 %.1f ms,"
                        + " p90 %.1f ms, p99 %.1f ms, max %.1f ms; 429s: chat.postMessage %d, chat.update %d;"
                        + " calls: %d%n", sent.size(), ms.length, percentile(ms, 50), percentile(ms, 90),
                percentile(ms, 99), ms.length == 0 ? Double.NaN : ms[ms.length - 1],
                slack.rejectedCount("chat.postMessage", 429), slack.rejectedCount("chat.update", 429),
                slack.calls().size());
        if (ms.length > 0) {
            System.out.println("slowest 5: " + Arrays.toString(Arrays.copyOfRange(ms, Math.max(0, ms.length - 5),
                    ms.length)));
        }
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String alert(String channel, String correlationId) {
        Alert.Builder b = Alert.builder();
        b.timestamp = Instant.now().atOffset(ZoneOffset.UTC);
        b.slackChannelId = channel;
        b.correlationId = correlationId;
        b.header = ":status: Latency " + correlationId;
        b.text = "latency probe";
        b.severity = "error";
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 3600;
        b.archivingDelaySeconds = 7200;
        return AlertJson.encode(b.build());
    }
}
