package dev.slackmgr.manager.slack.interactive;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack message permalinks of issue posts: {@code <workspace url>archives/<channel>/p<ts without the dot>}, and
 * back (a link pasted into a slash command, with or without Slack's {@code <…|…>} wrapping).
 */
public final class IssueLinks {
    private static final Pattern LINK = Pattern.compile("/archives/([A-Z0-9]+)/p(\\d{7,})");

    private final Supplier<String> workspaceUrl;

    /** A post: channel and message ts. */
    public record PostRef(String channelId, String ts) {
    }

    /** @param workspaceUrl the workspace's URL ({@code auth.test} {@code url}), e.g. {@code https://acme.slack.com/} */
    public IssueLinks(Supplier<String> workspaceUrl) {
        this.workspaceUrl = workspaceUrl;
    }

    public String link(String channelId, String ts) {
        String base = workspaceUrl.get();
        return (base.endsWith("/") ? base : base + "/") + "archives/" + channelId + "/p" + ts.replace(".", "");
    }

    /** The post a permalink points at, if {@code text} is one. */
    public static Optional<PostRef> parse(String text) {
        Matcher m = LINK.matcher(text == null ? "" : text);
        if (!m.find()) {
            return Optional.empty();
        }
        String digits = m.group(2);
        return Optional.of(new PostRef(m.group(1),
                digits.substring(0, digits.length() - 6) + "." + digits.substring(digits.length() - 6)));
    }
}
