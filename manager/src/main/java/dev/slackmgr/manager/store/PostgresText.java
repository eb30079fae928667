package dev.slackmgr.manager.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL stores no NUL character, neither in {@code text} nor in {@code jsonb} (a JSON {@code \u0000}
 * escape is rejected), yet alert text and correlation IDs may contain one. Writing it would fail on every
 * retry, so NUL is replaced by U+FFFD, the replacement character, in columns and documents alike; lookups
 * apply the same replacement, so a correlation ID containing NUL still finds its issue.
 */
final class PostgresText {
    /** A {@code \u0000} escape: preceded by an even number of backslashes (escaped backslashes), not an odd one. */
    private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private PostgresText() {
    }

    /** A value for a {@code text} column or a lookup on one. */
    static String column(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }

    /** Serialised JSON for a {@code jsonb} column. */
    static String json(String json) {
        if (!json.contains("\\u0000")) {
            return json;
        }
        Matcher m = NUL_ESCAPE.matcher(json);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "\\ufffd"));
    }
}
