package dev.slackmgr.manager.issue;

/** Status emojis that replace {@code :status:} (issue-lifecycle.md §17.1, slack-interactions.md §8.2). */
public record IssueStatus(String panicEmoji, String errorEmoji, String warningEmoji, String infoEmoji,
                          String mutePanicEmoji, String muteErrorEmoji, String muteWarningEmoji,
                          String inconclusiveEmoji, String resolvedEmoji) {

    public IssueStatus {
        panicEmoji = emoji(panicEmoji, ":scream:");
        errorEmoji = emoji(errorEmoji, ":x:");
        warningEmoji = emoji(warningEmoji, ":warning:");
        infoEmoji = emoji(infoEmoji, ":information_source:");
        mutePanicEmoji = emoji(mutePanicEmoji, ":no_bell:");
        muteErrorEmoji = emoji(muteErrorEmoji, ":no_bell:");
        muteWarningEmoji = emoji(muteWarningEmoji, ":no_bell:");
        inconclusiveEmoji = emoji(inconclusiveEmoji, ":grey_question:");
        resolvedEmoji = emoji(resolvedEmoji, ":white_check_mark:");
    }

    /** The reference defaults. */
    public static IssueStatus defaults() {
        return new IssueStatus(null, null, null, null, null, null, null, null, null);
    }

    /** Invalid or empty values fall back to the default without error, as in the reference. */
    private static String emoji(String value, String dflt) {
        if (value == null) {
            return dflt;
        }
        String v = value.trim();
        if (!v.startsWith(":")) {
            v = ":" + v;
        }
        if (!v.endsWith(":")) {
            v = v + ":";
        }
        return v.matches(":[a-z0-9_+'-]+:") ? v : dflt;
    }
}
