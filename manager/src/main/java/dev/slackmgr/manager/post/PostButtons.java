package dev.slackmgr.manager.post;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.slackmgr.common.alert.Webhook;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueView;
import dev.slackmgr.manager.issue.ManagerSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The webhook ({@code issue_actions}) and option ({@code issue_options}) button blocks (§6.1, §6.2). */
final class PostButtons {
    static final String ACTIONS_BLOCK_ID = "issue_actions";
    static final String OPTIONS_BLOCK_ID = "issue_options";

    private PostButtons() {
    }

    static List<LayoutBlock> blocks(Issue issue, Instant now, ManagerSettings settings) {
        List<LayoutBlock> out = new ArrayList<>();
        boolean resolved = IssueView.isResolved(issue, now);
        List<Webhook> hooks = issue.lastAlert().alert().webhooks();
        if (hooks != null) {
            List<BlockElement> buttons = new ArrayList<>();
            for (int i = 0; i < hooks.size(); i++) {
                Webhook w = hooks.get(i);
                if (visible(w.displayMode(), resolved)) {
                    buttons.add(ButtonElement.builder().actionId("webhook_action_" + i).value(w.id())
                            .text(PostRenderer.plain(w.buttonText())).style(style(w.buttonStyle())).build());
                }
            }
            if (!buttons.isEmpty()) {
                out.add(ActionsBlock.builder().blockId(ACTIONS_BLOCK_ID).elements(buttons).build());
            }
        }
        if (settings.alwaysShowOptionButtons() || issue.slackPostEmojiButtonsActivated()) {
            List<BlockElement> options = new ArrayList<>();
            if (!resolved) {
                options.add(ButtonElement.builder().actionId("option_button_action_issue_move").value("issue_move")
                        .text(PostRenderer.plain("Move issue...")).build());
            }
            options.add(ButtonElement.builder().actionId("option_button_action_view_issue_details")
                    .value("view_issue_details").text(PostRenderer.plain("Details...")).build());
            out.add(ActionsBlock.builder().blockId(OPTIONS_BLOCK_ID).elements(options).build());
        }
        return out;
    }

    private static boolean visible(String mode, boolean resolved) {
        return switch (mode) {
            case "always" -> true;
            case "resolved_issue" -> resolved;
            default -> !resolved;
        };
    }

    private static String style(String s) {
        return "primary".equals(s) || "danger".equals(s) ? s : null;
    }
}
