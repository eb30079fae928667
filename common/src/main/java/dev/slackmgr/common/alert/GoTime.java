package dev.slackmgr.common.alert;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * RFC 3339 parsing and formatting with the semantics of Go's {@code time} package
 * (alert-schema.md §1.6, §6.1, §8).
 */
public final class GoTime {
    private static final int MAX_JAVA_OFFSET_SECONDS = 18 * 3600;

    private GoTime() {
    }

    /**
     * Parses a timestamp the way Go's {@code time.Time.UnmarshalJSON} does: {@code YYYY-MM-DDTHH:MM:SS},
     * an optional fraction ({@code .} and at least one digit; digits beyond nanoseconds are truncated, as
     * Go does), then {@code Z} or {@code ±hh:mm}. Upper-case {@code T}/{@code Z} only, years 0000–9999,
     * no leap seconds, no hour 24. An offset beyond Java's ±18:00 limit (Go accepts up to ±23:59) is
     * kept as the same instant in UTC.
     *
     * @throws DateTimeException with a readable message if {@code s} is not such a timestamp
     */
    public static OffsetDateTime parseRfc3339(String s) {
        if (s.length() < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            throw invalid(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int dayValue = digits(s, 8, 10);
        if (year < 0 || month < 1 || month > 12 || dayValue < 1 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59
                || dayValue > YearMonth.of(year, month).lengthOfMonth()) {
            throw invalid(s);
        }
        int pos = 19;
        int nanos = 0;
        if (pos + 1 < s.length() && s.charAt(pos) == '.' && isDigit(s.charAt(pos + 1))) {
            int end = pos + 1;
            while (end < s.length() && isDigit(s.charAt(end))) {
                end++;
            }
            String fraction = s.substring(pos + 1, Math.min(end, pos + 10));
            nanos = Integer.parseInt((fraction + "00000000").substring(0, 9));
            pos = end;
        }
        String zone = s.substring(pos);
        int offsetSeconds;
        if (zone.equals("Z")) {
            offsetSeconds = 0;
        } else {
            if (zone.length() != 6 || (zone.charAt(0) != '+' && zone.charAt(0) != '-') || zone.charAt(3) != ':') {
                throw invalid(s);
            }
            int oh = digits(zone, 1, 3);
            int om = digits(zone, 4, 6);
            if (oh < 0 || oh > 23 || om < 0 || om > 59) {
                throw invalid(s);
            }
            offsetSeconds = (oh * 60 + om) * 60 * (zone.charAt(0) == '-' ? -1 : 1);
        }
        LocalDateTime local = LocalDateTime.of(year, month, dayValue, hour, minute, second, nanos);
        if (Math.abs(offsetSeconds) > MAX_JAVA_OFFSET_SECONDS) {
            Instant instant = local.toInstant(ZoneOffset.UTC).minusSeconds(offsetSeconds);
            return instant.atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** Go's {@code t.Format(time.RFC3339Nano)} keeping the value's own offset ({@code Z} for offset 0). */
    public static String formatRfc3339Nano(OffsetDateTime t) {
        StringBuilder b = new StringBuilder(35);
        appendYear(b, t.getYear());
        b.append('-');
        pad2(b, t.getMonthValue());
        b.append('-');
        pad2(b, t.getDayOfMonth());
        b.append('T');
        pad2(b, t.getHour());
        b.append(':');
        pad2(b, t.getMinute());
        b.append(':');
        pad2(b, t.getSecond());
        int nanos = t.getNano();
        if (nanos != 0) {
            // nine digits, trailing zeros dropped (String.format was 6 % of the API's CPU per single alert)
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            String significant = Integer.toString(nanos);
            b.append('.');
            for (int i = significant.length(); i < digits; i++) {
                b.append('0');
            }
            b.append(significant);
        }
        int offset = t.getOffset().getTotalSeconds();
        if (offset == 0) {
            b.append('Z');
        } else {
            b.append(offset < 0 ? '-' : '+');
            int abs = Math.abs(offset) / 60;
            pad2(b, abs / 60);
            b.append(':');
            pad2(b, abs % 60);
        }
        return b.toString();
    }

    /** Go's {@code t.UTC().Format(time.RFC3339Nano)}, as used for the UniqueID. */
    public static String formatRfc3339NanoUtc(OffsetDateTime t) {
        return formatRfc3339Nano(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Go's {@code t.UTC().Format(time.RFC3339Nano)} for an instant. */
    public static String formatRfc3339NanoUtc(Instant t) {
        return formatRfc3339Nano(t.atOffset(ZoneOffset.UTC));
    }

    private static void appendYear(StringBuilder b, int year) {
        if (year < 0) {
            b.append('-');
        }
        String digits = Integer.toString(Math.abs(year));
        b.append("0".repeat(Math.max(0, 4 - digits.length()))).append(digits);
    }

    private static void pad2(StringBuilder b, int v) {
        if (v < 10) {
            b.append('0');
        }
        b.append(v);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The ASCII digits in [from, to) as a number, or -1 if any is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static DateTimeException invalid(String s) {
        return new DateTimeException("timestamp \"" + s
                + "\" is not a valid RFC 3339 time (expected e.g. 2024-05-01T12:00:00Z or 2024-05-01T14:00:00.123+02:00)");
    }
}
