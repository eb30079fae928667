package dev.slackmgr.bench.jmh;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.manager.issue.AlertIntake;
import dev.slackmgr.manager.issue.ChannelEngine;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueEngine;
import dev.slackmgr.manager.issue.IssueEvent;
import dev.slackmgr.manager.issue.IssueJson;
import dev.slackmgr.manager.issue.IssueResult;
import dev.slackmgr.manager.issue.ManagedAlert;
import dev.slackmgr.manager.issue.ManagerSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * One step of the manager's pure issue engine (no I/O): an alert for a new issue ({@code create}), an alert
 * of another severity for an open issue ({@code addToOpen}, the common storm step), plus what the store does
 * around a step – decoding the queue body into a managed alert and writing/reading the issue's {@code jsonb}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IssueEngineBenchmarks {
    private IssueEngine engine;
    private ManagerSettings settings;
    private JsonMapper issueMapper;
    private String queueBody;
    private IssueEvent.AlertReceived first;
    private IssueEvent.AlertReceived next;
    private Issue open;
    private String openJson;
    private Instant now;

    @Setup
    public void setUp() {
        settings = ManagerSettings.defaults();
        engine = new ChannelEngine(settings, ZoneOffset.UTC).issues();
        issueMapper = IssueJson.mapper();
        now = Instant.now();
        queueBody = AlertJson.encode(alert("error", 1));
        first = new IssueEvent.AlertReceived(AlertIntake.prepare(alert("error", 1), settings), 10);
        next = new IssueEvent.AlertReceived(AlertIntake.prepare(alert("panic", 2), settings), 10);
        open = engine.apply(null, first, now.minusSeconds(5)).issue();
        openJson = issueMapper.writeValueAsString(open);
    }

    private Alert alert(String severity, int n) {
        Alert.Builder b = Alert.builder();
        b.timestamp = now.minusSeconds(10 - n).atOffset(ZoneOffset.UTC);
        b.slackChannelId = "C0BENCH001";
        b.correlationId = "storm-1";
        b.header = ":status: Storm storm-1";
        b.text = "value " + n + " [seq " + n + "]";
        b.severity = severity;
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 3600;
        b.archivingDelaySeconds = 7200;
        return b.build();
    }

    @Benchmark
    public ManagedAlert decodeQueueBody() {
        return AlertIntake.prepare(AlertJson.decode(queueBody), settings);
    }

    @Benchmark
    public IssueResult create() {
        return engine.apply(null, first, now);
    }

    @Benchmark
    public IssueResult addToOpen() {
        return engine.apply(open, next, now);
    }

    @Benchmark
    public String issueToJson() {
        return issueMapper.writeValueAsString(open);
    }

    @Benchmark
    public Issue issueFromJson() {
        return issueMapper.readValue(openJson, Issue.class);
    }
}
