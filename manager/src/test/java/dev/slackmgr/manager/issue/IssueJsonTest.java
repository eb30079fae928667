package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Alert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class IssueJsonTest {
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void managedAlertIsFlat() {
        Alert.Builder b = Alert.builder();
        b.header = "h";
        b.slackChannelId = "C1";
        b.timestamp = OffsetDateTime.parse("2024-01-01T00:00:00Z");
        Alert a = b.build();
        String json = mapper.writeValueAsString(ManagedAlert.received(a));
        assertThat(json).contains("\"header\":\"h\"").contains("\"originalSlackChannelId\":\"C1\"")
                .doesNotContain("\"alert\"");
        ManagedAlert back = mapper.readValue(json, ManagedAlert.class);
        assertThat(back).isEqualTo(ManagedAlert.received(a));
    }
}
