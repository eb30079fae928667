package dev.slackmgr.manager.post;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.Field;
import dev.slackmgr.common.alert.Webhook;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueEngine;
import dev.slackmgr.manager.issue.IssueEvent;
import dev.slackmgr.manager.issue.ManagedAlert;
import dev.slackmgr.manager.issue.ManagerSettings;
import dev.slackmgr.manager.issue.PostAction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Post layout (slack-interactions.md §8) and Slack's block limits. */
class PostRendererTest {
    private static final Instant NOW = Instant.parse("2024-03-05T10:20:30Z");
    private final ManagerSettings settings = ManagerSettings.defaults();

    private Issue issue(Consumer<Alert.Builder> spec) {
        Alert.Builder b = Alert.builder();
        b.timestamp = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
        b.correlationId = "X";
        b.header = "H";
        b.text = "T";
        b.severity = "error";
        b.slackChannelId = "C1";
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 3600;
        b.username = "bot";
        spec.accept(b);
        return new IssueEngine(settings, ZoneOffset.UTC)
                .apply(null, new IssueEvent.AlertReceived(ManagedAlert.received(b.build()), 0), NOW).issue();
    }

    private PostContent render(Issue i) {
        return new PostRenderer(settings, ZoneOffset.UTC).render(i, PostAction.ALERT, NOW);
    }

    private static List<String> types(PostContent p) {
        List<String> out = new ArrayList<>();
        for (LayoutBlock b : p.blocks()) {
            out.add(b instanceof ActionsBlock a ? "actions:" + a.getBlockId() : b.getType());
        }
        return out;
    }

    @Test
    void blocksInSpecifiedOrder() {
        Issue i = issue(a -> {
            a.fields = List.of(new Field("k", "v"));
            a.author = "me";
            a.host = "h1";
            a.link = "https://x";
            a.footer = "foot";
            a.webhooks = List.of(new Webhook("w", "https://hook", "", "Run", "danger", "", "", null, null, null,
                    false));
        });
        PostContent p = render(i);
        assertThat(types(p)).containsExactly("header", "section", "section", "context", "context", "context",
                "actions:issue_actions", "context", "context");
        assertThat(((MarkdownTextObject) ((SectionBlock) p.blocks().get(2)).getFields().get(0)).getText())
                .isEqualTo("*k:*\nv");
        ButtonElement button = (ButtonElement) ((ActionsBlock) p.blocks().get(6)).getElements().get(0);
        assertThat(button.getActionId()).isEqualTo("webhook_action_0");
        assertThat(button.getValue()).isEqualTo("w");
        assertThat(button.getStyle()).isEqualTo("danger");
        assertThat(p.username()).isEqualTo("bot");
        assertThat(p.channelId()).isEqualTo("C1");
    }

    @Test
    void c71_webhookDisplayModes() {
        Issue i = issue(a -> a.webhooks = List.of(hook("W1", ""), hook("W2", "resolved_issue"),
                hook("W3", "always"), hook("W4", "open_issue")));
        PostContent open = render(i);
        assertThat(buttons(open)).containsExactly("webhook_action_0", "webhook_action_2", "webhook_action_3");
        PostContent resolved = new PostRenderer(settings, ZoneOffset.UTC).render(i, PostAction.RESOLVE,
                NOW.plusSeconds(7200));
        assertThat(buttons(resolved)).containsExactly("webhook_action_1", "webhook_action_2");
    }

    private static Webhook hook(String id, String mode) {
        return new Webhook(id, "https://hook", "", id, "", "", mode, null, null, null, false);
    }

    private static List<String> buttons(PostContent p) {
        List<String> out = new ArrayList<>();
        p.blocks().stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .forEach(a -> a.getElements().forEach(e -> out.add(((ButtonElement) e).getActionId())));
        return out;
    }

    @Test
    void limitsAreRespected() {
        List<Field> many = new ArrayList<>();
        for (int k = 0; k < 600; k++) {
            many.add(new Field("f" + k, "v"));
        }
        Issue i = issue(a -> {
            a.header = ":status: " + "h".repeat(200);
            a.text = "x".repeat(10_000);
            a.fields = many;
        });
        PostContent p = render(i);
        assertThat(p.blocks()).hasSizeLessThanOrEqualTo(50);
        assertThat(((HeaderBlock) p.blocks().get(0)).getText().getText()).hasSizeLessThanOrEqualTo(150)
                .startsWith(":x: ");
        p.blocks().stream().filter(SectionBlock.class::isInstance).map(SectionBlock.class::cast)
                .filter(s -> s.getText() != null)
                .forEach(s -> assertThat(s.getText().getText()).hasSizeLessThanOrEqualTo(3000));
    }

    @Test
    void iconUrlFallbackTextCorrelationIdAndEveryone() {
        ManagerSettings withCorr = new ManagerSettings(null, null, null, null, null, 0, false, 0, 0, null, null, 0, 0,
                false, true, null, null);
        Issue i = issue(a -> {
            a.iconEmoji = "https://img/x.png";
            a.fallbackText = "fallback";
            a.text = "hi <!everyone>";
        });
        PostContent p = new PostRenderer(withCorr, ZoneId.of("Europe/Oslo")).render(i, PostAction.ALERT, NOW);
        assertThat(p.iconUrl()).isEqualTo("https://img/x.png");
        assertThat(p.iconEmoji()).isEmpty();
        assertThat(p.text()).isEqualTo("fallback");
        assertThat(((MarkdownTextObject) ((SectionBlock) p.blocks().get(1)).getText()).getText())
                .isEqualTo("hi *everyone*");
        assertThat(p.blocks().toString()).contains("Correlation ID: X").contains("First: 03-05 11:20:30");
    }
}
