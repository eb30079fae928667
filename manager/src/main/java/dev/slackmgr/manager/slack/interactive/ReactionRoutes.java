package dev.slackmgr.manager.slack.interactive;

import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import dev.slackmgr.common.queue.QueueUnavailableException;
import dev.slackmgr.manager.command.QueuedCommand;
import dev.slackmgr.manager.issue.IssueCommand;
import dev.slackmgr.manager.issue.ManagerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code reaction_added} / {@code reaction_removed} (slack-interactions.md §3): the reaction is mapped through the
 * settings' {@code issueReactions} and queued as the matching command for the reacted message; reactions that map
 * to nothing, on other items than messages, or by the bot itself are acknowledged and dropped. Whether the channel
 * is managed and the user allowed is checked when the command is applied ({@link InteractionGuard}).
 */
public final class ReactionRoutes implements InteractionRoutes {
    private static final Logger log = LoggerFactory.getLogger(ReactionRoutes.class);

    private final Supplier<ManagerSettings> settings;
    private final CommandQueueWriter queue;
    private final Clock clock;

    public ReactionRoutes(Supplier<ManagerSettings> settings, CommandQueueWriter queue, Clock clock) {
        this.settings = settings;
        this.queue = queue;
        this.clock = clock;
    }

    /** A reaction event, whichever way it came. */
    record Reaction(String eventId, String userId, String name, String itemType, String channelId, String ts,
                    boolean added) {
    }

    @Override
    public void register(App app) {
        app.event(ReactionAddedEvent.class, (payload, ctx) -> {
            ReactionAddedEvent e = payload.getEvent();
            ReactionAddedEvent.Item item = e.getItem();
            return handle(new Reaction(payload.getEventId(), e.getUser(), e.getReaction(),
                    item == null ? "" : item.getType(), item == null ? "" : item.getChannel(),
                    item == null ? "" : item.getTs(), true), ctx.getBotUserId()) ? ctx.ack() : notAcked();
        });
        app.event(ReactionRemovedEvent.class, (payload, ctx) -> {
            ReactionRemovedEvent e = payload.getEvent();
            ReactionRemovedEvent.Item item = e.getItem();
            return handle(new Reaction(payload.getEventId(), e.getUser(), e.getReaction(),
                    item == null ? "" : item.getType(), item == null ? "" : item.getChannel(),
                    item == null ? "" : item.getTs(), false), ctx.getBotUserId()) ? ctx.ack() : notAcked();
        });
    }

    /** Queues the command; false when the queue cannot take it (the envelope is then left unacknowledged). */
    boolean handle(Reaction r, String botUserId) {
        Optional<IssueCommand.Action> action = settings.get().issueReactions().actionFor(r.name(), r.added());
        if (action.isEmpty() || !"message".equals(r.itemType()) || r.userId() == null
                || r.userId().equals(botUserId)) {
            return true;
        }
        try {
            queue.enqueue(QueuedCommand.fromInteraction(clock.instant(), r.channelId(), r.ts(), r.name(), r.userId(),
                    action.get().wire(), r.eventId()));
            return true;
        } catch (QueueUnavailableException e) {
            log.warn("Reaction {} on {}/{} not queued, left for Slack to redeliver: {}", r.name(), r.channelId(),
                    r.ts(), e.getMessage());
            return false;
        }
    }

    static Response notAcked() {
        return Response.builder().statusCode(503).body("command queue unavailable").build();
    }
}
