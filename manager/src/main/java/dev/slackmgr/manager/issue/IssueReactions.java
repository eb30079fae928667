package dev.slackmgr.manager.issue;

import java.util.List;
import java.util.Optional;

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

    /**
     * The command a reaction (name without colons) maps to, checking terminate, resolve, investigate, mute,
     * show-buttons in that order (slack-interactions.md §3). Removing a terminate reaction does nothing.
     */
    public Optional<IssueCommand.Action> actionFor(String reaction, boolean added) {
        if (terminateEmojis.contains(reaction)) {
            return added ? Optional.of(IssueCommand.Action.TERMINATE) : Optional.empty();
        }
        if (resolveEmojis.contains(reaction)) {
            return Optional.of(added ? IssueCommand.Action.RESOLVE : IssueCommand.Action.UNRESOLVE);
        }
        if (investigateEmojis.contains(reaction)) {
            return Optional.of(added ? IssueCommand.Action.INVESTIGATE : IssueCommand.Action.UNINVESTIGATE);
        }
        if (muteEmojis.contains(reaction)) {
            return Optional.of(added ? IssueCommand.Action.MUTE : IssueCommand.Action.UNMUTE);
        }
        if (showOptionButtonsEmojis.contains(reaction)) {
            return Optional.of(added ? IssueCommand.Action.SHOW_OPTION_BUTTONS
                    : IssueCommand.Action.HIDE_OPTION_BUTTONS);
        }
        return Optional.empty();
    }

    /** Everything but investigating needs a channel admin (option buttons too, as in the reference). */
    public static boolean requiresAdmin(IssueCommand.Action action) {
        return action != IssueCommand.Action.INVESTIGATE && action != IssueCommand.Action.UNINVESTIGATE;
    }

    private static List<String> norm(List<String> list, String dflt) {
        if (list == null || list.isEmpty()) {
            return List.of(dflt);
        }
        return list.stream().map(s -> s.trim().replace(":", "")).toList();
    }
}
