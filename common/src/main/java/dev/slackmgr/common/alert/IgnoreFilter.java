package dev.slackmgr.common.alert;

/** The API's {@code ignoreIfTextContains} drop filter (alert-schema.md §7.3), applied after validation. */
public final class IgnoreFilter {
    private IgnoreFilter() {
    }

    /**
     * True if the (cleaned) alert's {@code text}, lower-cased, contains any non-blank term of
     * {@code ignoreIfTextContains} (trimmed, lower-cased) as a plain substring. Only {@code text} is searched.
     */
    public static boolean isIgnored(Alert a) {
        if (a.ignoreIfTextContains() == null || a.ignoreIfTextContains().isEmpty() || a.text().isEmpty()) {
            return false;
        }
        String text = GoText.lower(a.text());
        for (String term : a.ignoreIfTextContains()) {
            String t = term == null ? "" : GoText.lower(GoText.trim(term));
            if (!t.isEmpty() && text.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
