package dev.slackmgr.common.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class GoTimeTest {

    @ParameterizedTest
    @CsvSource({
            "2025-01-15T10:30:00Z, 2025-01-15T10:30:00Z",
            "2025-01-15T10:30:00.123Z, 2025-01-15T10:30:00.123Z",
            "2025-01-15T10:30:00.000000001Z, 2025-01-15T10:30:00.000000001Z",
            "2025-01-15T10:30:00.100Z, 2025-01-15T10:30:00.1Z",
            "2025-01-15T10:30:00.120000Z, 2025-01-15T10:30:00.12Z",
            "2025-01-15T10:30:00.005Z, 2025-01-15T10:30:00.005Z",
            "2025-01-15T10:30:00.000450Z, 2025-01-15T10:30:00.00045Z",
            "2025-01-15T10:30:00.010000009Z, 2025-01-15T10:30:00.010000009Z",
            "2025-01-15T10:30:00.999999999Z, 2025-01-15T10:30:00.999999999Z",
            "2025-01-15T12:30:00.5+02:00, 2025-01-15T10:30:00.5Z",
            "2025-01-15T05:00:00-05:30, 2025-01-15T10:30:00Z",
            "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
    })
    void utcFormatTrimsFractionZeros(String in, String utc) {
        assertThat(GoTime.formatRfc3339NanoUtc(OffsetDateTime.parse(in))).isEqualTo(utc);
    }

    @ParameterizedTest
    @CsvSource({
            "2024-05-01T14:00:00.123+02:00, 2024-05-01T14:00:00.123+02:00",
            "2024-05-01T14:00:00.100-07:30, 2024-05-01T14:00:00.1-07:30",
            "2024-05-01T14:00:00+00:00, 2024-05-01T14:00:00Z",
    })
    void asIsFormatKeepsOffset(String in, String out) {
        assertThat(GoTime.formatRfc3339Nano(OffsetDateTime.parse(in))).isEqualTo(out);
    }

    @Test
    void isoInstantWouldPadFractions() {
        Instant t = Instant.parse("2025-01-15T10:30:00.120Z");
        assertThat(t.toString()).isEqualTo("2025-01-15T10:30:00.120Z");
        assertThat(GoTime.formatRfc3339NanoUtc(t)).isEqualTo("2025-01-15T10:30:00.12Z");
    }

    @Test
    void yearsOutsideFourDigitsAreFormattedLikeGo() {
        assertThat(GoTime.formatRfc3339NanoUtc(OffsetDateTime.parse("0000-01-01T00:30:00+01:00")))
                .isEqualTo("-0001-12-31T23:30:00Z");
        assertThat(GoTime.formatRfc3339NanoUtc(OffsetDateTime.parse("+10000-01-01T00:00:00Z")))
                .isEqualTo("10000-01-01T00:00:00Z");
    }

    @ParameterizedTest
    @CsvSource({
            "2024-05-01T12:00:00Z, 2024-05-01T12:00:00Z",
            "2024-05-01T14:00:00.123+02:00, 2024-05-01T14:00:00.123+02:00",
            "2024-02-29T23:59:59.999999999-23:59, 2024-03-01T23:58:59.999999999Z",
            "2024-05-01T12:00:00.1234567891234Z, 2024-05-01T12:00:00.123456789Z",
            "0000-01-01T00:00:00Z, 0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59+18:00, 9999-12-31T23:59:59+18:00",
    })
    void parsesGoRfc3339(String in, String expected) {
        assertThat(GoTime.parseRfc3339(in)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @Test
    void offsetIsPreserved() {
        assertThat(GoTime.parseRfc3339("2024-05-01T14:00:00+02:00").getOffset().getTotalSeconds()).isEqualTo(7200);
    }
}
