package dev.slackmgr.manager.slack.interactive;

import com.slack.api.bolt.App;

/**
 * One feature's Socket Mode listeners, registered on the Bolt {@link App} at start-up (every bean of this type is).
 * Bolt routes each envelope to its listener and sends the listener's response as the acknowledgement, so a
 * listener must answer within Slack's 3 s: state changes are only queued ({@link CommandQueueWriter}), checks and
 * Slack calls happen on the consuming side ({@link InteractionGuard}) or, for modals, in the background after the
 * acknowledgement. Features plug in as further beans of this type.
 */
@FunctionalInterface
public interface InteractionRoutes {
    void register(App app);
}
