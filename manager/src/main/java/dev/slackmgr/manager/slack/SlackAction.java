package dev.slackmgr.manager.slack;

/** The Web API calls the gateway makes, with their {@code slack_action} metric label (observability §5.5). */
public enum SlackAction {
    CHAT_POST("chat.post"),
    CHAT_UPDATE("chat.update"),
    CHAT_DELETE("chat.delete"),
    CONVERSATIONS_REPLIES("conversations.replies"),
    CONVERSATIONS_HISTORY("conversations.history"),
    CONVERSATIONS_INFO("conversations.info"),
    USERS_CONVERSATIONS("users.conversations"),
    AUTH_TEST("auth.test"),
    CHAT_POST_EPHEMERAL("chat.postEphemeral"),
    USERS_INFO("users.info"),
    USERGROUPS_USERS_LIST("usergroups.users.list"),
    VIEWS_OPEN("views.open");

    private final String label;

    SlackAction(String label) {
        this.label = label;
    }

    /** The {@code slack_action} label. */
    public String label() {
        return label;
    }
}
