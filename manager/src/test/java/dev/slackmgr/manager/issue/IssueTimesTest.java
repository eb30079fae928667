package dev.slackmgr.manager.issue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue mapper's own time codec ({@link IssueTimes}) against Jackson's: same JSON written, same values read,
 * including the inputs that take the fallback.
 */
class IssueTimesTest {
    /** The issue mapper as it was before the fast codec: Jackson's own java.time handling. */
    private static final JsonMapper JACKSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record Stamps(Instant instant, OffsetDateTime offset) {
    }

    @Test
    void writesWhatJacksonWrites() {
        for (Stamps s : samples()) {
            assertThat(IssueJson.mapper().writeValueAsString(s)).as("%s", s)
                    .isEqualTo(JACKSON.writeValueAsString(s));
        }
    }

    @Test
    void readsBackWhatJacksonReadsBack() {
        for (Stamps s : samples()) {
            String json = JACKSON.writeValueAsString(s);
            assertThat(IssueJson.mapper().readValue(json, Stamps.class)).as(json)
                    .isEqualTo(JACKSON.readValue(json, Stamps.class));
        }
    }

    @Test
    void readsGoAndOtherSpellingsLikeJackson() {
        List<String> stamps = List.of("2026-12-04T20:57:22Z", "2026-12-04T20:57:22.1Z", "2026-12-04T20:57:22.1234Z",
                "2026-12-04T20:57:22.123456789Z", "2026-12-04T22:57:22.5+02:00", "2026-12-04T15:27:22-05:30",
                "0001-01-01T00:00:00Z", "2026-12-04t20:57:22z", "+10000-01-01T00:00:00Z", "2024-02-29T23:59:59Z");
        for (String t : stamps) {
            String json = "{\"instant\":\"" + t + "\",\"offset\":\"" + t + "\"}";
            assertThat(IssueJson.mapper().readValue(json, Stamps.class)).as(json)
                    .isEqualTo(JACKSON.readValue(json, Stamps.class));
        }
        String numbers = "{\"instant\":1733345842.5,\"offset\":1733345842}";
        assertThat(IssueJson.mapper().readValue(numbers, Stamps.class))
                .isEqualTo(JACKSON.readValue(numbers, Stamps.class));
    }

    @Test
    void zeroTimeKeepsItsStoredForm() {
        assertThat(IssueTimes.isoInstant(Times.ZERO)).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(IssueTimes.isoInstant(Instant.parse("+10000-01-01T00:00:00Z"))).isNull();
    }

    private static List<Stamps> samples() {
        Random random = new Random(42);
        List<Stamps> out = new ArrayList<>();
        long[] nanos = {0, 1, 10, 100_000, 120_000_000, 123_000, 123_456_789, 999_999_999, 500_000_000, 1_000};
        int[] offsets = {0, 3600, -5 * 3600 - 1800, 13 * 3600 + 2700, -18 * 3600, 18 * 3600, 3630};
        for (int i = 0; i < 2000; i++) {
            long second = i % 50 == 0 ? random.nextLong(-62_167_219_200L * 2, 253_402_300_799L * 2)
                    : random.nextLong(-62_167_219_200L, 253_402_300_800L);
            Instant t = Instant.ofEpochSecond(second, i % 3 == 0 ? random.nextInt(1_000_000_000) : nanos[i % nanos.length]);
            out.add(new Stamps(t, t.atOffset(ZoneOffset.ofTotalSeconds(offsets[i % offsets.length]))));
        }
        out.add(new Stamps(Times.ZERO, Times.ZERO.atOffset(ZoneOffset.UTC)));
        out.add(new Stamps(Instant.EPOCH, Instant.EPOCH.atOffset(ZoneOffset.ofHours(-3))));
        out.add(new Stamps(null, null));
        return out;
    }
}
