/**
 * Slack interactions over Socket Mode (slack-interactions.md; issue #5).
 *
 * <ul>
 *   <li>Receiving side, on the instance whose socket got the envelope: {@link
 *       dev.slackmgr.manager.slack.interactive.SocketModeRunner} (Bolt, Java-WebSocket) dispatches to every
 *       {@link dev.slackmgr.manager.slack.interactive.InteractionRoutes} bean – {@code ReactionRoutes},
 *       {@code SlashCommandRoutes}, {@code GreetingRoutes}, {@code ButtonRoutes} (webhook and option buttons,
 *       the webhook confirmation modal), {@code ShortcutRoutes} (create issue, move issue, issue details). Listeners only map the envelope to a command and queue it
 *       ({@link dev.slackmgr.manager.slack.interactive.CommandQueueWriter}); the listener's response is the ack.</li>
 *   <li>Applying side, on the instance that owns the channel: {@link
 *       dev.slackmgr.manager.slack.interactive.InteractionGuard} (once per event, managed channel, known user,
 *       rights via {@link dev.slackmgr.manager.slack.interactive.ChannelAdmins}, ephemeral refusal), then the engine
 *       or a {@code CommandAction}: {@code WebhookAction}, {@code CreateIssueAction}.</li>
 * </ul>
 *
 * <p>To add an interaction (webhook buttons, shortcuts, modals): a new {@code InteractionRoutes} bean registering
 * its Bolt listeners ({@code app.blockAction}, {@code app.messageShortcut}, {@code app.viewSubmission}, …), queuing
 * a {@code QueuedCommand} with {@code eventId} and {@code checkAccess}, and – for a new action – its right in
 * {@code ChannelAdmins.rightFor}.
 */
package dev.slackmgr.manager.slack.interactive;
