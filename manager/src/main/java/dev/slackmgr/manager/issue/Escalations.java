package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.Escalation;
import dev.slackmgr.common.alert.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The escalation ladder, evaluated each processing cycle (issue-lifecycle.md §12). */
final class Escalations {
    private Escalations() {
    }

    /**
     * Applies the active escalation rule to the builder. Returns the channel the issue must be moved to, or
     * null. Deviations from the reference (QUIRKs fixed): muted issues do not escalate, and a rule never
     * lowers the severity (a later, more severe alert keeps its severity).
     */
    static String apply(Issue.Builder b, Instant now) {
        Issue issue = b.build();
        List<Escalation> rules = issue.lastAlert().alert().escalation();
        if (issue.archived() || IssueView.isInfoOrResolved(issue, now) || rules == null || rules.isEmpty()
                || issue.slackPostEmojiMuted()) {
            return null;
        }
        long age = Duration.between(issue.created(), now).getSeconds();
        Escalation active = rules.stream().sorted(Comparator.comparingLong(Escalation::delaySeconds))
                .filter(r -> r.delaySeconds() <= age).reduce((x, y) -> y).orElse(null);
        if (active == null) {
            return null;
        }
        b.isEscalated = true;
        Alert.Builder ab = issue.lastAlert().alert().toBuilder();
        boolean mentions = active.slackMentions() != null && !active.slackMentions().isEmpty();
        if (mentions) {
            ab.text = issue.lastAlert().originalText() + "\n*Att:* " + String.join(" ", active.slackMentions());
        }
        int before = IssueView.priority(issue);
        int after = Severity.fromWire(active.severity()).map(Severity::priority).orElse(-1);
        boolean increased = after > before;
        if (increased) {
            ab.severity = active.severity();
        }
        b.lastAlert = issue.lastAlert().withAlert(ab.build());
        if (increased) {
            b.slackPostNeedsUpdate = true;
            if (mentions) {
                b.slackPostNeedsDelete = true;
            }
        }
        MentionSanitizer.sanitize(b, now, increased);
        String target = active.moveToChannel();
        return target.isEmpty() || target.equals(IssueView.channelId(issue)) ? null : target;
    }
}
