package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.Field;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mention sanitising and the 1 h mention throttle (issue-lifecycle.md §10). */
final class MentionSanitizer {
    static final Duration MUTE_WINDOW = Duration.ofHours(1);
    private static final Pattern MENTION = Pattern.compile("<[@!]([^\\s>]+)>");
    private static final Pattern EVERYONE = Pattern.compile("<[@!](?i:everyone)>");

    private MentionSanitizer() {
    }

    /** Neutralises mentions outside the text and throttles repeated text mentions. */
    static void sanitize(Issue.Builder b, Instant now, boolean skipMuting) {
        Alert a = b.lastAlert.alert();
        Alert.Builder ab = a.toBuilder();
        ab.header = neutralize(a.header());
        ab.headerWhenResolved = neutralize(a.headerWhenResolved());
        ab.author = neutralize(a.author());
        ab.host = neutralize(a.host());
        ab.footer = neutralize(a.footer());
        ab.fallbackText = neutralize(a.fallbackText());
        ab.textWhenResolved = neutralize(a.textWhenResolved());
        if (a.fields() != null) {
            ab.fields = a.fields().stream().map(f -> new Field(neutralize(f.title()), neutralize(f.value()))).toList();
        }
        String text = EVERYONE.matcher(a.text()).replaceAll("*everyone*");
        List<String> mentions = new ArrayList<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            mentions.add(m.group());
        }
        if (!mentions.isEmpty()) {
            String joined = String.join(",", mentions);
            boolean windowOver = now.isAfter(b.lastSlackMentionTime.plus(MUTE_WINDOW));
            if (skipMuting || !joined.equals(b.lastSlackMention) || windowOver) {
                b.lastSlackMention = joined;
                b.lastSlackMentionTime = now;
            } else {
                text = neutralize(text);
            }
        }
        ab.text = text;
        b.lastAlert = b.lastAlert.withAlert(ab.build());
    }

    /** {@code <@X>} / {@code <!X>} → {@code *X*}. */
    static String neutralize(String s) {
        return s == null || s.isEmpty() ? s : MENTION.matcher(s).replaceAll("*$1*");
    }
}
