package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.GoTime;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants and offset date-times of the issue JSON, read and written without {@code DateTimeFormatter}, which the
 * storm-drain profile showed as 43 % of reading an issue back (docs/benchmarks.md). Output is byte-for-byte what
 * Jackson's own serializers write ({@code ISO_INSTANT}: fraction in groups of 3 digits; offset date-times as
 * {@code ISO_OFFSET_DATE_TIME}, which is Go's RFC3339Nano), and values read are the ones Jackson's deserializers
 * return (offset date-times adjusted to UTC); anything outside the fast path (years beyond 0000–9999, numbers,
 * lower-case separators, offsets with seconds) goes to Jackson's own code. {@code IssueTimesTest} compares both.
 */
final class IssueTimes {
    private IssueTimes() {
    }

    static SimpleModule module() {
        return new SimpleModule("slackmgr-issue-times")
                .addSerializer(Instant.class, new InstantWriter())
                .addDeserializer(Instant.class, new InstantReader())
                .addSerializer(OffsetDateTime.class, new OffsetDateTimeWriter())
                .addDeserializer(OffsetDateTime.class, new OffsetDateTimeReader());
    }

    /** {@code ISO_INSTANT} rendering, or null when the fast path does not cover the value. */
    static String isoInstant(Instant t) {
        OffsetDateTime utc = fastRange(t) ? t.atOffset(ZoneOffset.UTC) : null;
        if (utc == null) {
            return null;
        }
        int nanos = t.getNano();
        String base = GoTime.formatRfc3339Nano(utc.withNano(0));
        if (nanos == 0) {
            return base;
        }
        int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        int value = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
        StringBuilder b = new StringBuilder(base.length() + 10).append(base, 0, base.length() - 1).append('.');
        String s = Integer.toString(value);
        for (int i = s.length(); i < digits; i++) {
            b.append('0');
        }
        return b.append(s).append('Z').toString();
    }

    /** The timestamp as Go's RFC 3339 reader sees it, or null when it is not one. */
    private static OffsetDateTime parsed(JsonParser p) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        try {
            return GoTime.parseRfc3339(p.getString());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean fastRange(Instant t) {
        // 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z
        return t.getEpochSecond() >= -62_167_219_200L && t.getEpochSecond() <= 253_402_300_799L;
    }

    private static final class InstantWriter extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
            String fast = isoInstant(value);
            gen.writeString(fast != null ? fast : value.toString());
        }
    }

    private static final class InstantReader extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            OffsetDateTime t = parsed(p);
            return t != null ? t.toInstant() : InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }

    private static final class OffsetDateTimeWriter extends ValueSerializer<OffsetDateTime> {
        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext ctxt) {
            boolean fast = value.getYear() >= 0 && value.getYear() <= 9999
                    && value.getOffset().getTotalSeconds() % 60 == 0;
            gen.writeString(fast ? GoTime.formatRfc3339Nano(value)
                    : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    private static final class OffsetDateTimeReader extends ValueDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            OffsetDateTime t = parsed(p);
            return t != null ? t.withOffsetSameInstant(ZoneOffset.UTC)
                    : InstantDeserializer.OFFSET_DATE_TIME.deserialize(p, ctxt);
        }
    }
}
