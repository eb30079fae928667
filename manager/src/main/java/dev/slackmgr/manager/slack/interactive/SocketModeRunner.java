package dev.slackmgr.manager.slack.interactive;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Socket Mode connection: a Bolt {@link App} with every {@link InteractionRoutes} registered, connected through
 * Bolt's {@link SocketModeApp} with the Java-WebSocket backend. {@code apps.connections.open} goes to the same base
 * URL as every other Web API call. Reconnecting is Bolt's: on {@code disconnect} the client opens a new endpoint at
 * once; a dropped socket is found by its session monitor (a ping every 5 s) and replaced. Unmatched envelopes are
 * acknowledged and logged, so Slack never retries them. If the first connection fails the runner keeps trying in
 * the background.
 */
public final class SocketModeRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SocketModeRunner.class);
    private static final Duration MAX_RETRY = Duration.ofSeconds(60);

    private final Slack slack;
    private final String botToken;
    private final SocketModeSettings settings;
    private final List<InteractionRoutes> routes;
    private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "socket-mode-starter");
        t.setDaemon(true);
        return t;
    });
    private volatile App app;
    private volatile SocketModeApp socketApp;
    private volatile boolean closed;

    public SocketModeRunner(Slack slack, String botToken, SocketModeSettings settings, List<InteractionRoutes> routes) {
        this.slack = slack;
        this.botToken = botToken;
        this.settings = settings;
        this.routes = List.copyOf(routes);
    }

    /** Connects (retrying in the background when Slack cannot be reached now). */
    public void start() {
        App a = new App(AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(botToken)
                .ignoringSelfEventsEnabled(false)
                .allEventsApiAutoAckEnabled(true)
                .unmatchedRequestHandler(req -> {
                    log.debug("Unhandled Socket Mode request {} acknowledged", req.getRequestType());
                    return Response.ok();
                })
                .build());
        routes.forEach(r -> r.register(a));
        app = a;
        connect(Duration.ofSeconds(1));
    }

    private void connect(Duration nextWait) {
        if (closed) {
            return;
        }
        try {
            SocketModeApp s = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket,
                    settings.concurrency());
            s.startAsync();
            socketApp = s;
            log.info("Socket Mode connected");
        } catch (Exception e) {
            log.warn("Socket Mode connection failed ({}); retrying in {} s", e.toString(), nextWait.toSeconds());
            Duration after = nextWait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextWait.multipliedBy(2);
            starter.schedule(() -> connect(after), nextWait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The live Socket Mode client, once connected. */
    public Optional<SocketModeClient> client() {
        SocketModeApp s = socketApp;
        return s == null ? Optional.empty() : Optional.ofNullable(s.getClient());
    }

    @Override
    public void close() {
        closed = true;
        starter.shutdownNow();
        SocketModeApp s = socketApp;
        if (s == null) {
            return;
        }
        SocketModeClient client = s.getClient();
        try {
            s.stop();
        } catch (Exception e) {
            log.debug("Socket Mode app stop: {}", e.toString());
        }
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                log.debug("Socket Mode client close: {}", e.toString());
            }
        }
    }
}
