package dev.slackmgr.manager.issue;

/**
 * A user action on an issue post (issue-lifecycle.md §2.6, §11.2). Webhook delivery and
 * {@code create_issue} are handled outside the engine.
 *
 * @param targetChannelId   move target ({@link Action#MOVE} only)
 * @param targetChannelName its display name if known ("" otherwise)
 */
public record IssueCommand(Action action, String channelId, String ts, String userId, String userRealName,
                           String targetChannelId, String targetChannelName) {

    public IssueCommand {
        channelId = channelId == null ? "" : channelId;
        ts = ts == null ? "" : ts;
        userId = userId == null ? "" : userId;
        userRealName = userRealName == null ? "" : userRealName;
        targetChannelId = targetChannelId == null ? "" : targetChannelId;
        targetChannelName = targetChannelName == null ? "" : targetChannelName;
    }

    /** A command without move parameters. */
    public static IssueCommand of(Action action, String channelId, String ts, String userId, String userRealName) {
        return new IssueCommand(action, channelId, ts, userId, userRealName, "", "");
    }

    /** Command actions with their wire names. */
    public enum Action {
        TERMINATE("terminate_issue"), RESOLVE("resolve_issue"), UNRESOLVE("unresolve_issue"),
        INVESTIGATE("investigate_issue"), UNINVESTIGATE("uninvestigate_issue"), MUTE("mute_issue"),
        UNMUTE("unmute_issue"), MOVE("move_issue"), SHOW_OPTION_BUTTONS("show_issue_option_buttons"),
        HIDE_OPTION_BUTTONS("hide_issue_option_buttons");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        /** The JSON name, e.g. {@code resolve_issue}. */
        public String wire() {
            return wire;
        }

        /** Terminate also applies to archived issues and to messages without an issue. */
        public boolean includesArchived() {
            return this == TERMINATE;
        }
    }
}
