package dev.slackmgr.manager.slack.interactive;

import dev.slackmgr.manager.issue.IssueCommand;

import java.util.Locale;

/** The parsed text after the slash command's name: {@code help}, {@code list}, {@code resolve|mute|unmute <issue>}. */
public sealed interface SlashCommandText {

    record Help() implements SlashCommandText {
    }

    record ListIssues() implements SlashCommandText {
    }

    /** A state change of one issue, named by its post's link or its correlation ID. */
    record Act(IssueCommand.Action action, String verb, String target) implements SlashCommandText {
    }

    /** Anything else, with a reason shown to the user. */
    record Invalid(String reason) implements SlashCommandText {
    }

    static SlashCommandText parse(String text) {
        String t = text == null ? "" : text.trim();
        String[] parts = t.split("\\s+", 2);
        String verb = parts[0].toLowerCase(Locale.ROOT);
        String arg = parts.length > 1 ? parts[1].trim() : "";
        IssueCommand.Action action = switch (verb) {
            case "resolve" -> IssueCommand.Action.RESOLVE;
            case "mute" -> IssueCommand.Action.MUTE;
            case "unmute" -> IssueCommand.Action.UNMUTE;
            default -> null;
        };
        if (action != null) {
            return arg.isEmpty() || arg.contains(" ") && IssueLinks.parse(arg).isEmpty()
                    ? new Invalid("`" + verb + "` needs one issue: its post's link or its correlation ID.")
                    : new Act(action, verb, arg);
        }
        return switch (verb) {
            case "", "help" -> new Help();
            case "list" -> new ListIssues();
            default -> new Invalid("Unknown command `" + verb + "`.");
        };
    }
}
