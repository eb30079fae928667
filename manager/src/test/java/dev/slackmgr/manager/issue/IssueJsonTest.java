package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Alert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The issue JSON round-trips in the reference's shape (issue-lifecycle.md §2.2, storage.md). */
class IssueJsonTest {
    private final JsonMapper mapper = IssueJson.mapper();

    private static Alert alert() {
        Alert.Builder b = Alert.builder();
        b.header = "h";
        b.correlationId = "X";
        b.severity = "error";
        b.slackChannelId = "C1";
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 3600;
        b.archivingDelaySeconds = 600;
        b.timestamp = OffsetDateTime.parse("2024-01-01T00:00:00Z");
        return b.build();
    }

    @Test
    void managedAlertIsFlat() {
        String json = mapper.writeValueAsString(ManagedAlert.received(alert()));
        assertThat(json).contains("\"header\":\"h\"").contains("\"originalSlackChannelId\":\"C1\"")
                .doesNotContain("\"alert\"");
        ManagedAlert back = mapper.readValue(json, ManagedAlert.class);
        assertThat(back).isEqualTo(ManagedAlert.received(alert()));
    }

    @Test
    void issueRoundTripsWithGoNamesZeroTimesAndNanosecondDurations() {
        Instant now = Instant.parse("2024-01-01T00:00:00.123456789Z");
        Issue issue = new ChannelEngine(ManagerSettings.defaults(), ZoneOffset.UTC).issues()
                .apply(null, new IssueEvent.AlertReceived(ManagedAlert.received(alert()), 0), now).issue();

        String json = mapper.writeValueAsString(issue);
        JsonNode node = mapper.readTree(json);

        assertThat(node.get("autoResolvePeriod").asLong()).isEqualTo(3_600_000_000_000L);
        assertThat(node.get("archiveDelay").asLong()).isEqualTo(600_000_000_000L);
        assertThat(node.get("created").asString()).isEqualTo("2024-01-01T00:00:00.123456789Z");
        assertThat(node.get("mutedSince").asString()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(node.get("slackPostLastAction").asString()).isEqualTo("ALERT");
        assertThat(node.has("isMoved")).isTrue();
        assertThat(node.has("isEscalated")).isTrue();
        assertThat(node.get("lastAlert").get("correlationId").asString()).isEqualTo("X");
        assertThat(mapper.readValue(json, Issue.class)).isEqualTo(issue);
    }

    @Test
    void readsReferenceJsonWithUnknownFieldsAndMissingValues() {
        String go = """
                {"id":"abc","correlationId":"X","created":"2024-01-01T00:00:00Z",
                 "lastAlert":{"correlationId":"X","severity":"warning","slackChannelId":"C1",
                              "timestamp":"2024-01-01T00:00:00Z","originalText":"t"},
                 "alertCount":2,"resolveTime":"0001-01-01T00:00:00Z","slackPostLastAction":"RESOLVE",
                 "isMoved":true,"someFutureField":1}""";
        Issue i = IssueJson.read(go);
        assertThat(i.alertCount()).isEqualTo(2);
        assertThat(i.isMoved()).isTrue();
        assertThat(Times.isZero(i.resolveTime())).isTrue();
        assertThat(Times.isZero(i.archiveTime())).isTrue();
        assertThat(i.slackPostLastAction()).isEqualTo(PostAction.RESOLVE);
        assertThat(i.lastAlert().originalText()).isEqualTo("t");
        assertThat(i.slackPostId()).isEmpty();
    }

    @Test
    void c03_corruptOrLastAlertLessIssueIsRejected() {
        assertThatThrownBy(() -> IssueJson.read("{not json")).isInstanceOf(IssueJson.CorruptIssueException.class);
        assertThatThrownBy(() -> IssueJson.read("{\"id\":\"a\",\"lastAlert\":null}"))
                .isInstanceOf(IssueJson.CorruptIssueException.class);
    }

    @Test
    void rfc3339NanoMatchesGo() {
        assertThat(Times.rfc3339Nano(Instant.parse("2024-01-15T10:30:00Z"))).isEqualTo("2024-01-15T10:30:00Z");
        assertThat(Times.rfc3339Nano(Instant.parse("2024-01-15T10:30:00.100Z"))).isEqualTo("2024-01-15T10:30:00.1Z");
    }
}
