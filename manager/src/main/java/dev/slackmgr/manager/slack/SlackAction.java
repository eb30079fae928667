package dev.slackmgr.manager.slack;

/** The Web API calls the gateway makes, with their {@code slack_action} metric label (observability §5.5). */
public enum SlackAction {
    CHAT_POST("chat.post", "chat.postMessage"),
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
    private final String method;

    SlackAction(String label) {
        this(label, label);
    }

    SlackAction(String label, String method) {
        this.label = label;
        this.method = method;
    }

    /** The Web API method, e.g. {@code chat.postMessage} (span names). */
    public String method() {
        return method;
    }

    /** The {@code slack_action} label. */
    public String label() {
        return label;
    }
}
