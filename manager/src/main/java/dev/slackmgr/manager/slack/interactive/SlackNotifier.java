package dev.slackmgr.manager.slack.interactive;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import dev.slackmgr.manager.slack.SlackAction;
import dev.slackmgr.manager.slack.SlackCallRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * Messages to people (not issue posts): ephemeral notices ({@code chat.postEphemeral}), the greeting
 * ({@code chat.postMessage}) and modals ({@code views.open}). A channel or user Slack refuses, or an expired
 * trigger, is logged, not an error.
 */
public final class SlackNotifier {
    private static final Logger log = LoggerFactory.getLogger(SlackNotifier.class);
    private static final Set<String> UNDELIVERABLE = Set.of("channel_not_found", "not_in_channel",
            "user_not_in_channel", "user_not_found", "is_archived");

    private final MethodsClient methods;
    private final SlackCallRunner runner;

    public SlackNotifier(MethodsClient methods, SlackCallRunner runner) {
        this.methods = methods;
        this.runner = runner;
    }

    /** Shows {@code text} (mrkdwn) to {@code userId} only; true when Slack accepted it. */
    public boolean ephemeral(String channelId, String userId, String text) {
        ChatPostEphemeralResponse r = runner.call(SlackAction.CHAT_POST_EPHEMERAL, channelId, UNDELIVERABLE,
                () -> methods.chatPostEphemeral(ChatPostEphemeralRequest.builder()
                        .channel(channelId).user(userId).text(text).build()));
        if (!r.isOk()) {
            log.info("Ephemeral message to {} in {} not delivered: {}", userId, channelId, r.getError());
        }
        return r.isOk();
    }

    /** Opens a modal for the interaction {@code triggerId} (valid 3 s after the click); true when it opened. */
    public boolean openView(String triggerId, View view) {
        ViewsOpenResponse r = runner.call(SlackAction.VIEWS_OPEN, null, Set.of("expired_trigger_id",
                "invalid_trigger_id", "exchanged_trigger_id"),
                () -> methods.viewsOpen(ViewsOpenRequest.builder().triggerId(triggerId).view(view).build()));
        if (!r.isOk()) {
            log.info("Modal {} not opened: {}", view.getCallbackId(), r.getError());
        }
        return r.isOk();
    }

    /** Posts {@code text} (mrkdwn) in the channel; true when Slack accepted it. */
    public boolean post(String channelId, String text) {
        ChatPostMessageResponse r = runner.call(SlackAction.CHAT_POST, channelId, UNDELIVERABLE,
                () -> methods.chatPostMessage(ChatPostMessageRequest.builder()
                        .channel(channelId).text(text).build()));
        if (!r.isOk()) {
            log.info("Message to {} not delivered: {}", channelId, r.getError());
        }
        return r.isOk();
    }
}
