package dev.slackmgr.manager.post;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.Field;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueView;
import dev.slackmgr.manager.issue.ManagerSettings;
import dev.slackmgr.manager.issue.PostAction;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure renderer of an issue's Block Kit post (slack-interactions.md §8.1) within Slack's limits:
 * header ≤ 150 characters, section text ≤ 3000, at most 50 blocks.
 */
public final class PostRenderer {
    static final int MAX_HEADER = 150;
    static final int MAX_SECTION = 3000;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ManagerSettings settings;
    private final ZoneId zone;

    /** A renderer for these settings, rendering times in {@code zone} (config {@code location}). */
    public PostRenderer(ManagerSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    /** The post for a write of {@code action} at {@code now}. */
    public PostContent render(Issue issue, PostAction action, Instant now) {
        return build(issue, action, now, false);
    }

    /** The struck-through tombstone that replaces a deleted post that has thread replies (§8.4). */
    public PostContent tombstone(Issue issue, Instant now) {
        return build(issue, PostAction.NONE, now, true);
    }

    private PostContent build(Issue issue, PostAction action, Instant now, boolean tombstone) {
        Alert a = issue.lastAlert().alert();
        boolean infoOrResolved = IssueView.isInfoOrResolved(issue, now);
        String emoji = StatusEmoji.of(issue, action, tombstone, settings.issueStatus());
        List<LayoutBlock> blocks = new ArrayList<>();
        String header = infoOrResolved && !a.headerWhenResolved().isEmpty() ? a.headerWhenResolved() : a.header();
        if (!header.isEmpty()) {
            blocks.add(HeaderBlock.builder().text(plain(truncate(clean(header.replace(":status:", emoji)),
                    MAX_HEADER))).build());
        }
        String text = infoOrResolved && !a.textWhenResolved().isEmpty() ? a.textWhenResolved() : a.text();
        if (!text.isEmpty()) {
            if (tombstone) {
                blocks.add(section(strike(text.replace(":status:", emoji))));
            } else {
                for (String chunk : TextChunker.split(text)) {
                    blocks.add(section(chunk.replace(":status:", emoji)));
                }
            }
        }
        if (a.fields() != null && !a.fields().isEmpty()) {
            blocks.addAll(fieldSections(a.fields()));
        }
        addContext(blocks, a.author().isEmpty() ? null : "*" + a.author() + "*");
        addContext(blocks, a.host().isEmpty() ? null : "*" + a.host() + "*");
        addContext(blocks, a.link().isEmpty() ? null : a.link());
        if (!tombstone) {
            blocks.addAll(PostButtons.blocks(issue, now, settings));
        }
        addContext(blocks, a.footer().isEmpty() ? null : a.footer());
        if (settings.showIssueCorrelationIdInSlackPost()) {
            blocks.add(ContextBlock.builder().elements(List.of(plain("Correlation ID: " + issue.correlationId())))
                    .build());
        }
        if (IssueView.followUp(issue)) {
            blocks.add(ContextBlock.builder().elements(List.<ContextBlockElement>of(
                    plain("First: " + SHORT.format(issue.created().atZone(zone))),
                    plain("Last: " + SHORT.format(issue.lastAlertReceived().atZone(zone))),
                    plain("#" + issue.alertCount()))).build());
        }
        if (!tombstone) {
            addStateLines(blocks, issue, infoOrResolved);
        }
        return new PostContent(IssueView.channelId(issue), fit(blocks), a.fallbackText(), a.username(),
                a.iconEmoji().startsWith("http") ? "" : a.iconEmoji(),
                a.iconEmoji().startsWith("http") ? a.iconEmoji() : "",
                PostContent.Metadata.forIssue(issue.id(), issue.correlationId()));
    }

    private void addStateLines(List<LayoutBlock> blocks, Issue issue, boolean infoOrResolved) {
        if (infoOrResolved && issue.slackPostEmojiResolved()) {
            addContext(blocks, ":raising_hand: Resolved by *" + issue.resolvedByUser() + "* at "
                    + LONG.format(issue.resolveTime().atZone(zone)));
        }
        if (!infoOrResolved && issue.slackPostEmojiInvestigated()) {
            addContext(blocks, ":cop: Investigated by *" + issue.investigatedByUser() + "* since "
                    + LONG.format(issue.investigatedSince().atZone(zone)));
        }
        if (!infoOrResolved && issue.slackPostEmojiMuted()) {
            addContext(blocks, ":mask: Muted by *" + issue.mutedByUser() + "* at "
                    + LONG.format(issue.mutedSince().atZone(zone)));
        }
    }

    /** One section per 10 fields (Slack's per-section field limit). */
    private static List<LayoutBlock> fieldSections(List<Field> fields) {
        List<LayoutBlock> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i += 10) {
            List<TextObject> objs = fields.subList(i, Math.min(fields.size(), i + 10)).stream()
                    .<TextObject>map(f -> md(truncate(clean("*" + f.title() + ":*\n" + f.value()), 2000)))
                    .toList();
            out.add(SectionBlock.builder().fields(objs).build());
        }
        return out;
    }

    /** Keeps the first 50 blocks: only a huge field list can exceed the limit, and its tail is cut. */
    private static List<LayoutBlock> fit(List<LayoutBlock> blocks) {
        if (blocks.size() <= PostContent.MAX_BLOCKS) {
            return blocks;
        }
        return new ArrayList<>(blocks.subList(0, PostContent.MAX_BLOCKS));
    }

    private static void addContext(List<LayoutBlock> blocks, String mrkdwn) {
        if (mrkdwn != null) {
            blocks.add(ContextBlock.builder().elements(List.of(md(truncate(clean(mrkdwn), MAX_SECTION)))).build());
        }
    }

    private static SectionBlock section(String text) {
        return SectionBlock.builder().text(md(truncate(clean(text), MAX_SECTION))).build();
    }

    static String strike(String text) {
        String t = text.trim().replace("_", "").replace("*", "").replace("~", "");
        return "~" + t.replace("\n", "~\n~") + "~";
    }

    private static String clean(String s) {
        return s.replace("<!everyone>", "everyone");
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    static MarkdownTextObject md(String s) {
        return MarkdownTextObject.builder().text(s).build();
    }

    static PlainTextObject plain(String s) {
        return PlainTextObject.builder().text(s).emoji(true).build();
    }
}
