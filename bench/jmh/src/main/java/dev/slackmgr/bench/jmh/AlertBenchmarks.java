package dev.slackmgr.bench.jmh;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertCleaner;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.common.alert.AlertValidator;
import dev.slackmgr.common.alert.Field;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The API's per-alert work outside HTTP and Redis: decoding the wire JSON of a request body, cleaning,
 * validating, and encoding the queue body (alert-schema.md §4, §8).
 * <ul>
 *   <li>{@code small}: the body {@code bench/ingest} sends ({@code header}, {@code severity},
 *       {@code slackChannelId});</li>
 *   <li>{@code full}: a typical client alert with text, fields, link, footer and metadata;</li>
 *   <li>{@code batch100}: an array of 100 small alerts, as {@code bench/ingest} sends in its batch runs.</li>
 * </ul>
 * {@code baselineCopyBytes} copies the small body into a String (UTF-8), the floor of any decode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AlertBenchmarks {
    private byte[] smallBody;
    private byte[] fullBody;
    private byte[] batchBody;
    private Alert fullAlert;
    private Alert cleanedFull;
    private Alert decodedSmall;
    private Alert cleanedSmall;
    private Instant now;

    @Setup
    public void setUp() {
        smallBody = "{\"header\":\"bench C0BENCH001\",\"severity\":\"error\",\"slackChannelId\":\"C0BENCH001\"}"
                .getBytes(StandardCharsets.UTF_8);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 1; i <= 100; i++) {
            batch.append(i > 1 ? "," : "").append("{\"header\":\"bench ").append(i).append("\",\"correlationId\":\"c")
                    .append(i % 10).append("\",\"severity\":\"error\",\"slackChannelId\":\"C0BENCH001\"}");
        }
        batchBody = batch.append(']').toString().getBytes(StandardCharsets.UTF_8);
        Alert.Builder b = Alert.builder();
        b.timestamp = OffsetDateTime.now(ZoneOffset.UTC);
        b.correlationId = " db-primary-replication-lag ";
        b.slackChannelId = "c0alerts01";
        b.header = ":status: Replication lag on db-primary";
        b.headerWhenResolved = ":status: Replication lag on db-primary is back to normal";
        b.text = "Replica *db-replica-2* is 48 s behind the primary (threshold 30 s).\nSee the runbook.";
        b.fallbackText = "Replication lag on db-primary";
        b.severity = " Critical ";
        b.link = "https://grafana.example.com/d/db?var-host=db-primary";
        b.footer = "prometheus · db-cluster-1";
        b.iconEmoji = ":Database:";
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 3600;
        b.archivingDelaySeconds = 7200;
        b.fields = List.of(new Field("Host", "db-replica-2"), new Field("Lag", "48 s"), new Field("Region", "eu-west-1"));
        b.metadata = Map.of("team", "storage", "runbook", "RB-112");
        fullAlert = b.build();
        fullBody = AlertJson.encode(fullAlert).getBytes(StandardCharsets.UTF_8);
        now = Instant.now();
        cleanedFull = AlertCleaner.clean(fullAlert, now);
        decodedSmall = AlertJson.decodeRequestBody(smallBody).get(0);
        cleanedSmall = AlertCleaner.clean(decodedSmall, now);
    }

    @Benchmark
    public Alert cleanSmall() {
        return AlertCleaner.clean(decodedSmall, now);
    }

    @Benchmark
    public Optional<String> validateSmall() {
        return AlertValidator.validate(cleanedSmall);
    }

    @Benchmark
    public String encodeSmall() {
        return AlertJson.encode(cleanedSmall);
    }

    @Benchmark
    public String baselineCopyBytes() {
        return new String(smallBody, StandardCharsets.UTF_8);
    }

    @Benchmark
    public List<Alert> decodeSmall() {
        return AlertJson.decodeRequestBody(smallBody);
    }

    @Benchmark
    public List<Alert> decodeFull() {
        return AlertJson.decodeRequestBody(fullBody);
    }

    @Benchmark
    public List<Alert> decodeBatch100() {
        return AlertJson.decodeRequestBody(batchBody);
    }

    @Benchmark
    public String encodeFull() {
        return AlertJson.encode(cleanedFull);
    }

    @Benchmark
    public Alert cleanFull() {
        return AlertCleaner.clean(fullAlert, now);
    }

    @Benchmark
    public Optional<String> validateFull() {
        return AlertValidator.validate(cleanedFull);
    }

    /** What the API does per alert of a single-alert request before Redis: decode, clean, validate, encode. */
    @Benchmark
    public String pipelineSmall() {
        Alert a = AlertCleaner.clean(AlertJson.decodeRequestBody(smallBody).get(0), now);
        AlertValidator.validate(a);
        return AlertJson.encode(a);
    }
}
