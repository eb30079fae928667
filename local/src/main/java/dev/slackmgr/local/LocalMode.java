package dev.slackmgr.local;

import dev.slackmgr.api.ApiApplication;
import dev.slackmgr.local.emulator.SlackEmulator;
import dev.slackmgr.manager.ManagerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local mode: the API and the manager in one JVM (two Spring contexts), with an embedded Redis and an embedded
 * PostgreSQL, and – unless {@code SLACK_BOT_TOKEN} is set – the {@link SlackEmulator} (Slack Web API, Socket Mode
 * and a web page) instead of Slack.
 *
 * <p>Run it with {@code ./mvnw -q -Plocal} from the repository root. What the environment may set:
 * {@code SLACK_BOT_TOKEN} (+ {@code SLACK_APP_TOKEN}, {@code SLACK_API_URL}) for a real workspace,
 * {@code SPRING_DATA_REDIS_URL} for an existing Redis, {@code SPRING_DATASOURCE_URL} / {@code _USERNAME} /
 * {@code _PASSWORD} for an existing PostgreSQL, {@code SLACKMGR_ENCRYPTION_KEY}, {@code SLACKMGR_API_SETTINGS},
 * {@code SLACKMGR_MANAGER_SETTINGS}, and the ports {@code SLACKMGR_LOCAL_API_PORT} (8080),
 * {@code SLACKMGR_LOCAL_MANAGER_PORT} (8081) and {@code SLACKMGR_LOCAL_EMULATOR_PORT} (8090).
 */
public final class LocalMode implements AutoCloseable {
    /** Auto-configurations the API must not get from the manager's dependencies on the shared classpath. */
    private static final String API_EXCLUDES = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

    private final List<AutoCloseable> resources = new ArrayList<>();
    private SlackEmulator emulator;
    private ConfigurableApplicationContext api;
    private ConfigurableApplicationContext manager;
    private String redisUrl;
    private String jdbcUrl;
    private boolean realSlack;
    private boolean socketMode;

    /**
     * What to start.
     *
     * @param apiPort      API HTTP port (0 = any free port)
     * @param managerPort  manager HTTP port (0 = any free port)
     * @param emulatorPort Slack emulator port (0 = any free port)
     * @param env          the environment to read (tests pass their own so a developer's tokens are not used)
     * @param properties   more Spring properties for both services (e.g. tracing), as {@code --key=value}
     */
    public record Options(int apiPort, int managerPort, int emulatorPort, Map<String, String> env,
                          Map<String, String> properties) {
        public Options {
            properties = Map.copyOf(properties);
        }

        public Options(int apiPort, int managerPort, int emulatorPort, Map<String, String> env) {
            this(apiPort, managerPort, emulatorPort, env, Map.of());
        }

        /** The ports and environment of this process. */
        public static Options fromEnvironment() {
            Map<String, String> env = System.getenv();
            return new Options(port(env, "SLACKMGR_LOCAL_API_PORT", 8080), port(env, "SLACKMGR_LOCAL_MANAGER_PORT", 8081),
                    port(env, "SLACKMGR_LOCAL_EMULATOR_PORT", 8090), env);
        }

        private static int port(Map<String, String> env, String name, int fallback) {
            String v = env.get(name);
            return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
        }

        String get(String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    private LocalMode() {
    }

    public static void main(String[] args) {
        LocalMode local;
        try {
            local = start(Options.fromEnvironment());
        } catch (RuntimeException e) {
            System.err.println("\n  Local mode did not start: " + e.getMessage() + "\n");
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ctrl-C also reaches the Redis and PostgreSQL child processes, which stop at once: the services would
            // log every lost connection while they shut down.
            System.out.println("\n  Stopping local mode …");
            if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
                logback.addTurboFilter(new ch.qos.logback.classic.turbo.TurboFilter() {
                    @Override
                    public ch.qos.logback.core.spi.FilterReply decide(org.slf4j.Marker marker,
                            ch.qos.logback.classic.Logger logger, ch.qos.logback.classic.Level level, String format,
                            Object[] params, Throwable t) {
                        return ch.qos.logback.core.spi.FilterReply.DENY;
                    }
                });
            }
            local.close();
            System.out.println("  Stopped.");
        }, "local-mode-shutdown"));
        System.out.println(local.banner());
    }

    /** Starts everything; on failure whatever was started is stopped again. */
    public static LocalMode start(Options options) {
        LocalMode local = new LocalMode();
        try {
            local.startAll(options);
            return local;
        } catch (RuntimeException | Error e) {
            local.close();
            throw e;
        }
    }

    private void startAll(Options o) {
        redisUrl = o.get("SPRING_DATA_REDIS_URL");
        if (redisUrl == null) {
            redisUrl = startRedis();
        }
        String dbUser = o.get("SPRING_DATASOURCE_USERNAME");
        String dbPassword = o.get("SPRING_DATASOURCE_PASSWORD");
        jdbcUrl = o.get("SPRING_DATASOURCE_URL");
        if (jdbcUrl == null) {
            EmbeddedPostgres pg = startPostgres();
            jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            dbUser = "postgres";
            dbPassword = "postgres";
        }

        String botToken = o.get("SLACK_BOT_TOKEN");
        String appToken = o.get("SLACK_APP_TOKEN");
        String apiUrl;
        String managerSettings = o.get("SLACKMGR_MANAGER_SETTINGS");
        realSlack = botToken != null;
        if (realSlack) {
            apiUrl = o.get("SLACK_API_URL") == null ? "https://slack.com/api/" : o.get("SLACK_API_URL");
            appToken = appToken == null ? "" : appToken;
        } else {
            if (appToken != null) {
                throw new IllegalStateException("SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: set both to use "
                        + "Slack, or neither to use the Slack emulator");
            }
            emulator = SlackEmulator.start(o.emulatorPort());
            resources.add(emulator);
            apiUrl = emulator.apiUrl();
            botToken = SlackEmulator.BOT_TOKEN;
            appToken = SlackEmulator.APP_TOKEN;
            if (managerSettings == null) {
                managerSettings = writeTempFile("slackmgr-local-manager-settings", SlackEmulator.managerSettingsYaml());
            }
        }
        socketMode = !appToken.isEmpty();
        String encryptionKey = o.get("SLACKMGR_ENCRYPTION_KEY");
        if (encryptionKey == null) {
            encryptionKey = randomKey();
        }

        Map<String, String> common = new LinkedHashMap<>();
        common.put("spring.data.redis.url", redisUrl);
        common.put("slackmgr.slack.api-url", apiUrl);
        common.put("slackmgr.slack.bot-token", botToken);
        common.put("slackmgr.encryption-key", encryptionKey);
        common.putAll(o.properties());

        Map<String, String> apiArgs = new LinkedHashMap<>(common);
        apiArgs.put("spring.config.location", configOf(ApiApplication.class));
        apiArgs.put("server.port", String.valueOf(o.apiPort()));
        apiArgs.put("spring.autoconfigure.exclude", API_EXCLUDES);
        // the first curl should not pay for the dispatcher's lazy start
        apiArgs.put("spring.mvc.servlet.load-on-startup", "1");
        api = run(ApiApplication.class, apiArgs);
        resources.add(api::close);

        Map<String, String> managerArgs = new LinkedHashMap<>(common);
        managerArgs.put("spring.config.location", configOf(ManagerApplication.class));
        managerArgs.put("server.port", String.valueOf(o.managerPort()));
        managerArgs.put("spring.datasource.url", jdbcUrl);
        managerArgs.put("spring.datasource.username", dbUser == null ? "" : dbUser);
        managerArgs.put("spring.datasource.password", dbPassword == null ? "" : dbPassword);
        managerArgs.put("slackmgr.socket-mode.app-token", appToken);
        if (managerSettings != null) {
            managerArgs.put("slackmgr.settings-file", managerSettings);
        }
        manager = run(ManagerApplication.class, managerArgs);
        resources.add(manager::close);
    }

    private static ConfigurableApplicationContext run(Class<?> app, Map<String, String> args) {
        List<String> cli = new ArrayList<>();
        args.forEach((k, v) -> cli.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(app)
                .main(app)
                .registerShutdownHook(false)
                // defaults: the environment (e.g. LOGGING_LEVEL_ROOT) still wins
                .properties(Map.of(
                        "spring.main.banner-mode", "off",
                        "logging.config", "classpath:slackmgr-local-logback.xml",
                        // one logback for both contexts: the last one's name would be shown on every line
                        "logging.include-application-name", "false",
                        "logging.level.root", "WARN",
                        "logging.level.dev.slackmgr", "INFO"))
                .run(cli.toArray(String[]::new));
    }

    /**
     * The {@code application.yaml} of the service whose main class is {@code app}: both services have one at the
     * classpath root, and on one classpath only the first would be found.
     */
    static String configOf(Class<?> app) {
        URL location = app.getProtectionDomain().getCodeSource().getLocation();
        String s = location.toString();
        if (s.endsWith("/")) {
            return s + "application.yaml";
        }
        return "jar:" + s + "!/application.yaml";
    }

    /** The URL to POST alerts to, e.g. {@code http://localhost:8080/alerts}. */
    public String alertsUrl() {
        return "http://localhost:" + port(api) + "/alerts";
    }

    public String apiBaseUrl() {
        return "http://localhost:" + port(api);
    }

    public String managerBaseUrl() {
        return "http://localhost:" + port(manager);
    }

    /** The emulator, or {@code null} when real Slack is used. */
    public SlackEmulator emulator() {
        return emulator;
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port", "-1"));
    }

    /** What the console shows once everything is up. */
    public String banner() {
        StringBuilder b = new StringBuilder();
        b.append("\n  ───────────────────────────────────────────────────────────────────────\n");
        b.append("  slackmgr local mode is up\n\n");
        b.append("  POST alerts to   ").append(alertsUrl()).append("   (Alertmanager: ")
                .append(apiBaseUrl()).append("/prometheus-alert)\n");
        b.append("    curl -XPOST ").append(alertsUrl().replace("http://", "")).append(" -d @examples/alert.json\n");
        if (emulator != null) {
            b.append("  Slack emulator   ").append(emulator.pageUrl())
                    .append("   (channels #alerts C0123456789, #ops C0000000002)\n");
        } else {
            b.append("  Slack            your workspace (SLACK_BOT_TOKEN)")
                    .append(socketMode ? ", Socket Mode on (SLACK_APP_TOKEN)" : ", Socket Mode off (no SLACK_APP_TOKEN)")
                    .append('\n');
        }
        b.append("  API              ").append(apiBaseUrl()).append("/actuator/health\n");
        b.append("  manager          ").append(managerBaseUrl()).append("/actuator/health\n");
        b.append("  Redis            ").append(redisUrl).append('\n');
        b.append("  PostgreSQL       ").append(jdbcUrl).append('\n');
        b.append("  Stop with Ctrl-C.\n");
        b.append("  ───────────────────────────────────────────────────────────────────────\n");
        return b.toString();
    }

    /** Stops everything in reverse start order: manager, API, emulator, PostgreSQL, Redis. */
    @Override
    public synchronized void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("local mode: stopping " + resources.get(i) + " failed: " + e);
            }
        }
        resources.clear();
    }

    private String startRedis() {
        int port = freePort();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .setting("bind 127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    // stopped by close(), after the services that use it
                    .onShutdownForceStop(false)
                    .build();
            server.start();
            resources.add(server::stop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Redis on port " + port, e);
        }
        return "redis://127.0.0.1:" + port;
    }

    private EmbeddedPostgres startPostgres() {
        // its initdb/postmaster output is logged at INFO before Spring Boot configures logging
        if (LoggerFactory.getLogger("io.zonky") instanceof ch.qos.logback.classic.Logger zonky) {
            zonky.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            resources.add(pg);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static String writeTempFile(String prefix, String content) {
        try {
            Path file = Files.createTempFile(prefix, ".yaml");
            Files.writeString(file, content);
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
