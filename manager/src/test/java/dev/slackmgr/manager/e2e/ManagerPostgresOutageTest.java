package dev.slackmgr.manager.e2e;

import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.manager.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reliability.md §5.4 (issue item 4): PostgreSQL is shut down (fast shutdown: every connection is closed) in
 * the middle of a storm and started again on the same port and data directory. While it is down the real
 * manager (child JVM) applies and acknowledges nothing – its processed counter stands still, the alerts stay in the
 * stream, none is dead-lettered – and it stays up. Afterwards it resumes and the issues and posts are exactly what
 * the alerts imply.
 *
 * <p>Short version: 5 s outage in a 1,500-alert storm over 30 s. Long version ({@code -Pfaults}): 30 s outage in a
 * 3,000-alert storm over 90 s.
 */
class ManagerPostgresOutageTest {
    @Test
    void managerPausesWhilePostgresIsDownAndResumesWithNothingLost() throws Exception {
        boolean longRun = FaultRig.longRun();
        Duration outage = Duration.ofSeconds(longRun ? 30 : 5);
        FaultStorm storm = new FaultStorm("C0PG", 10, 5, longRun ? 60 : 30);
        Duration spread = Duration.ofSeconds(longRun ? 90 : 30);
        int port = freePort();
        Path data = Files.createTempDirectory("slackmgr-pg-outage");
        EmbeddedPostgres pg = postgres(port, data);
        try {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE faults");
            }
            TestPostgres.Database db = new TestPostgres.Database(
                    "jdbc:postgresql://127.0.0.1:" + port + "/faults", "postgres", "postgres");
            try (FaultRig rig = new FaultRig("pg", storm, TestRedis.url(), db, s -> { }, FaultRig.FAST_UPDATES)) {
                ManagerProcess manager = rig.start("a");
                long start = System.nanoTime();
                Thread feeder = rig.feed(spread);
                Thread.sleep(spread.toMillis() * 2 / 5);
                pg.close();
                double downAt = (System.nanoTime() - start) / 1e9;
                Thread.sleep(Math.min(3000, outage.toMillis() / 2));
                long settled = ManagerTestSupport.processed(manager); // in-flight commits had time to finish
                Thread.sleep(outage.toMillis() - Math.min(3000, outage.toMillis() / 2));
                long atEnd = ManagerTestSupport.processed(manager);
                long waiting = rig.unfinishedQueueEntries();
                pg = postgres(port, data);
                double upAt = (System.nanoTime() - start) / 1e9;
                feeder.join();
                double fed = (System.nanoTime() - start) / 1e9;
                FaultRig.Report report = rig.awaitFinal(Duration.ofSeconds(90));
                double done = (System.nanoTime() - start) / 1e9;
                System.out.printf("PostgreSQL down %.1f-%.1f s: %d alerts (%d issues); processed %d when it was"
                                + " down for a while, %d at its end, %d entries waiting in the stream; fed in %.1f s;"
                                + " final after %.1f s: %s; Slack calls %s%n", downAt, upAt, storm.total(),
                        storm.issues(), settled, atEnd, waiting, fed, done, report.summary(), rig.callsByMethod());
                assertThat(settled).as("the outage began mid-storm").isPositive().isLessThan(storm.total());
                assertThat(atEnd).as("nothing applied while PostgreSQL was down").isEqualTo(settled);
                assertThat(waiting).as("alerts stay in the stream").isPositive();
                assertThat(manager.isAlive()).isTrue();
                assertThat(rig.managerStarts()).isEqualTo(1);
                assertThat(report.problems()).as(report.summary()).isEmpty();
                assertThat(report.posts()).isEqualTo(storm.issues());
            }
        } finally {
            pg.close();
        }
    }

    private static EmbeddedPostgres postgres(int port, Path data) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
