package dev.slackmgr.manager.command;

/**
 * A command action applied outside the issue engine ({@code webhook}, {@code create_issue}; issue-lifecycle.md
 * §11.2–11.3). {@link CommandMessageHandler} asks the {@link CommandGuard} first (once per event, rights) and then
 * calls {@link #apply} on the instance that consumes the channel's commands, so the action happens once.
 */
public interface CommandAction {

    /** The wire name this action handles, e.g. {@code webhook}. */
    String action();

    /**
     * Applies the admitted command. Infrastructure failures (database, Redis) are thrown and retried in place;
     * anything the user got wrong is reported to the user and returns normally.
     *
     * @param userRealName the acting user's real name (from the guard)
     */
    void apply(QueuedCommand command, String userRealName) throws InterruptedException;
}
