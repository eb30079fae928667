package dev.slackmgr.manager.issue;

import java.util.List;

/** Reaction names (stored without colons) mapped to issue commands (issue-lifecycle.md §17.1). */
public record IssueReactions(List<String> terminateEmojis, List<String> resolveEmojis,
                             List<String> investigateEmojis, List<String> muteEmojis,
                             List<String> showOptionButtonsEmojis) {

    public IssueReactions {
        terminateEmojis = norm(terminateEmojis, "firecracker");
        resolveEmojis = norm(resolveEmojis, "white_check_mark");
        investigateEmojis = norm(investigateEmojis, "eyes");
        muteEmojis = norm(muteEmojis, "mask");
        showOptionButtonsEmojis = norm(showOptionButtonsEmojis, "information_source");
    }

    /** The reference defaults. */
    public static IssueReactions defaults() {
        return new IssueReactions(null, null, null, null, null);
    }

    private static List<String> norm(List<String> list, String dflt) {
        if (list == null || list.isEmpty()) {
            return List.of(dflt);
        }
        return list.stream().map(s -> s.trim().replace(":", "")).toList();
    }
}
