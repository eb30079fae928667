package dev.slackmgr.manager.store;

import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.ManagedAlert;
import dev.slackmgr.manager.issue.MoveMapping;
import dev.slackmgr.manager.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Part of the conformance suite: a database that goes away turns every store operation into a
 * {@link StoreUnavailableException} (so the caller nacks and retries), promptly rather than after minutes.
 * Uses a private embedded PostgreSQL that the test stops.
 */
@SpringBootTest(classes = StoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.datasource.hikari.connection-timeout=1000",
                "spring.datasource.hikari.validation-timeout=500"})
@DirtiesContext
class IssueStoreOutageTest {
    private static EmbeddedPostgres server;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        server = TestPostgres.startPrivate();
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Autowired
    IssueStore store;

    @Test
    void everyOperationReportsStoreUnavailableWhenTheDatabaseIsDown() throws IOException {
        String correlationId = UUID.randomUUID().toString();
        Issue issue = TestIssues.issue("C0ABABABAB", correlationId);
        store.saveIssue(issue);
        assertThat(store.findOpenIssueByCorrelationId("C0ABABABAB", correlationId)).contains(issue);

        server.close();

        long started = System.nanoTime();
        assertUnavailable(() -> store.findOpenIssueByCorrelationId("C0ABABABAB", correlationId));
        assertUnavailable(() -> store.saveIssue(issue));
        assertUnavailable(() -> store.saveIssues(List.of(issue)));
        assertUnavailable(() -> store.moveIssue(TestIssues.inChannel(issue, "C0ABABABAC"), "C0ABABABAB", "C0ABABABAC"));
        assertUnavailable(() -> store.findIssueBySlackPostId("C0ABABABAB", issue.slackPostId()));
        assertUnavailable(store::findActiveChannels);
        assertUnavailable(() -> store.loadOpenIssuesInChannel("C0ABABABAB"));
        assertUnavailable(() -> store.saveAlert(ManagedAlert.received(TestIssues.alert("C0ABABABAB", correlationId))));
        assertUnavailable(() -> store.saveMoveMapping(MoveMapping.of("C0ABABABAB", correlationId, "C0ABABABAC",
                MoveMapping.USER_COMMAND, Instant.now())));
        assertUnavailable(() -> store.findMoveMapping("C0ABABABAB", correlationId));
        assertUnavailable(() -> store.deleteMoveMapping("C0ABABABAB", correlationId));
        Instant now = Instant.now();
        assertUnavailable(() -> store.saveChannelProcessingState(
                new ChannelProcessingState("C0ABABABAB", now, now, now, 1)));
        assertUnavailable(() -> store.findChannelProcessingState("C0ABABABAB"));
        assertUnavailable(() -> store.savePostIntent(new PostIntent("C0ABABABAB", correlationId, issue.id(), now)));
        assertUnavailable(() -> store.findPostIntent("C0ABABABAB", correlationId));
        assertUnavailable(() -> store.deletePostIntent("C0ABABABAB", correlationId));
        assertThat((System.nanoTime() - started) / 1_000_000_000L).as("seconds for 16 failed calls").isLessThan(60);
    }

    private static void assertUnavailable(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(StoreUnavailableException.class);
    }
}
