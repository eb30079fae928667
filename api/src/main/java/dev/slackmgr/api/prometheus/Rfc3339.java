package dev.slackmgr.api.prometheus;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's {@code time.RFC3339} parsing and {@code time.RFC3339Nano} formatting. */
final class Rfc3339 {
    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern EXCESS_FRACTION =
            Pattern.compile("^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{9})[0-9]+(.*)$");

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private Rfc3339() {
    }

    /**
     * Parses an RFC 3339 timestamp with mandatory zone and optional fraction; as in Go, fraction
     * digits beyond nanoseconds are dropped.
     */
    static OffsetDateTime parse(String text) throws DateTimeParseException {
        Matcher m = EXCESS_FRACTION.matcher(text);
        return OffsetDateTime.parse(m.matches() ? m.group(1) + m.group(2) : text, PARSER);
    }

    /** RFC3339Nano in the value's own offset: trailing fraction zeros dropped, {@code Z} for offset 0. */
    static String formatNano(OffsetDateTime t) {
        StringBuilder s = new StringBuilder(SECONDS.format(t));
        int nanos = t.getNano();
        if (nanos != 0) {
            String fraction = String.format(Locale.ROOT, "%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            s.append('.').append(fraction, 0, end);
        }
        ZoneOffset offset = t.getOffset();
        s.append(offset.getTotalSeconds() == 0 ? "Z" : offset.getId());
        return s.toString();
    }
}
