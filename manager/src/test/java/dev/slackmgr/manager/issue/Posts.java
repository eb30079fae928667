package dev.slackmgr.manager.issue;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.slackmgr.manager.post.PostContent;

import java.util.ArrayList;
import java.util.List;

/** Reads rendered posts in tests. */
final class Posts {
    private Posts() {
    }

    static String header(PostContent p) {
        return p.blocks().stream().filter(HeaderBlock.class::isInstance).map(b -> ((HeaderBlock) b).getText()
                .getText()).findFirst().orElse("");
    }

    /** Text of the text sections (not field sections), joined by newline. */
    static String text(PostContent p) {
        List<String> out = new ArrayList<>();
        for (LayoutBlock b : p.blocks()) {
            if (b instanceof SectionBlock s && s.getText() != null) {
                out.add(((MarkdownTextObject) s.getText()).getText());
            }
        }
        return String.join("\n", out);
    }

    /** Every context element's text, one string per context block (elements joined by " | "). */
    static List<String> contexts(PostContent p) {
        List<String> out = new ArrayList<>();
        for (LayoutBlock b : p.blocks()) {
            if (b instanceof ContextBlock c) {
                List<String> parts = new ArrayList<>();
                c.getElements().forEach(e -> parts.add(e instanceof MarkdownTextObject m ? m.getText()
                        : ((PlainTextObject) e).getText()));
                out.add(String.join(" | ", parts));
            }
        }
        return out;
    }

    /** Texts of the buttons of the actions block with this block ID; empty when absent. */
    static List<String> buttons(PostContent p, String blockId) {
        List<String> out = new ArrayList<>();
        for (LayoutBlock b : p.blocks()) {
            if (b instanceof ActionsBlock a && blockId.equals(a.getBlockId())) {
                a.getElements().forEach(e -> out.add(((ButtonElement) e).getText().getText()));
            }
        }
        return out;
    }

    /** Action IDs of the buttons of that block. */
    static List<String> actionIds(PostContent p, String blockId) {
        List<String> out = new ArrayList<>();
        for (LayoutBlock b : p.blocks()) {
            if (b instanceof ActionsBlock a && blockId.equals(a.getBlockId())) {
                a.getElements().forEach(e -> out.add(((ButtonElement) e).getActionId()));
            }
        }
        return out;
    }
}
