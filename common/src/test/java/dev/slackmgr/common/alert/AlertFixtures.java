package dev.slackmgr.common.alert;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared test inputs: a fixed clock and JSON templates with repetition placeholders. */
final class AlertFixtures {
    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final Pattern REPEAT = Pattern.compile("\\$\\{(.+?)\\*(\\d+)}");

    private AlertFixtures() {
    }

    /** Expands {@code ${x*3}} to {@code xxx} (the unit may be any text without {@code *}). */
    static String expand(String template) {
        Matcher m = REPEAT.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Decodes one alert from a (template) JSON object and cleans it at {@link #NOW}. */
    static Alert cleaned(String jsonTemplate) {
        return AlertCleaner.clean(AlertJson.decode(expand(jsonTemplate)), NOW);
    }

    /** {@code {"slackChannelId":"C123","header":"x", <members>}} decoded and cleaned. */
    static Alert cleanedWith(String membersTemplate) {
        return cleaned("{\"slackChannelId\":\"C123\",\"header\":\"x\"" + (membersTemplate.isEmpty() ? "" : ",")
                + membersTemplate + "}");
    }
}
