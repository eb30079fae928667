package dev.slackmgr.manager.command;

/**
 * Decides, on the consuming side, whether a queued command is applied: once per Slack event, by a user allowed
 * to, in a channel the bot manages. Implemented by the Slack interaction layer
 * ({@code slack.interactive.InteractionGuard}); {@link #TRUSTING} applies every command as it is.
 */
@FunctionalInterface
public interface CommandGuard {

    /** Applies everything, with the user name the command carries. */
    CommandGuard TRUSTING = (command, messageId) -> new Verdict.Apply(command.userRealName());

    /**
     * The verdict for {@code command}, read from the queue entry {@code messageId} (the same entry seen again after
     * a crash is not a duplicate). May call Slack and Redis; infrastructure failures are thrown (retried).
     */
    Verdict admit(QueuedCommand command, String messageId) throws InterruptedException;

    /** Apply (with the acting user's real name) or skip (with a metric result and a reason for the log). */
    sealed interface Verdict {
        record Apply(String userRealName) implements Verdict {
        }

        record Skip(String result, String reason) implements Verdict {
        }
    }
}
