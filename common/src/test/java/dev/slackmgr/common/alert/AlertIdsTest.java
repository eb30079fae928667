package dev.slackmgr.common.alert;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class AlertIdsTest {

    @Test
    void hashVectors() {
        assertThat(Hashes.h0("alert", "C12345678", "foo", "bar", "2025-01-15T10:30:00.123Z", "header", "text"))
                .isEqualTo("6z5dmEidb4jO6loGh_I81uH3Im_y-dh6ebQ_23OoUSs=");
        assertThat(Hashes.h0("alert", "C123", "", "", "2025-01-15T10:30:00Z", "Test Alert", ""))
                .isEqualTo("BdiwaGssgcGX0GSvpaooxK-sksi_uiQMHiU2XPaAmk4=");
        assertThat(Hashes.hc("Disk full", "", "db-1", "Disk usage 99%", "C123"))
                .isEqualTo("5g2OuW3ivkCbgbTO2Nqfvjw0Q3b6WotKG23M3EZwgYE=");
    }

    @Test
    void uniqueIdUsesUtcTimestampWithoutTrailingZeros() {
        Alert.Builder b = Alert.builder();
        b.slackChannelId = "C12345678";
        b.routeKey = "foo";
        b.correlationId = "bar";
        b.timestamp = OffsetDateTime.parse("2025-01-15T12:30:00.123000+02:00");
        b.header = "header";
        b.text = "text";
        assertThat(AlertIds.uniqueId(b.build())).isEqualTo("6z5dmEidb4jO6loGh_I81uH3Im_y-dh6ebQ_23OoUSs=");
    }

    @Test
    void uniqueIdSecondVector() {
        Alert.Builder b = Alert.builder();
        b.slackChannelId = "C123";
        b.timestamp = OffsetDateTime.parse("2025-01-15T10:30:00.000Z");
        b.header = "Test Alert";
        assertThat(AlertIds.uniqueId(b.build())).isEqualTo("BdiwaGssgcGX0GSvpaooxK-sksi_uiQMHiU2XPaAmk4=");
    }

    @Test
    void derivedCorrelationIdOrderIsHeaderAuthorHostTextChannel() {
        Alert.Builder b = Alert.builder();
        b.header = "Disk full";
        b.host = "db-1";
        b.text = "Disk usage 99%";
        b.slackChannelId = "C123";
        b.severity = "panic";
        b.routeKey = "ignored";
        assertThat(AlertIds.derivedCorrelationId(b.build())).isEqualTo("5g2OuW3ivkCbgbTO2Nqfvjw0Q3b6WotKG23M3EZwgYE=");
        b.author = "db-1";
        b.host = "";
        assertThat(AlertIds.derivedCorrelationId(b.build()))
                .as("no separator: author/host shift collides").isEqualTo("5g2OuW3ivkCbgbTO2Nqfvjw0Q3b6WotKG23M3EZwgYE=");
    }
}
