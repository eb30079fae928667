package dev.slackmgr.manager.settings;

import dev.slackmgr.manager.issue.ChannelEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hot reload of the manager settings and of the issue engine built from them. */
class ManagerSettingsSourceTest {

    @Test
    void aChangedFileReplacesSettingsAndEngineAnInvalidOneIsIgnored() throws Exception {
        Path f = Files.createTempFile("manager-settings", ".yaml");
        Files.writeString(f, "globalAdmins: [U0ONE]\nissueProcessingIntervalSeconds: 5\n");
        try (ManagerSettingsSource source = ManagerSettingsSource.load(f.toString(), Duration.ofSeconds(1),
                ZoneId.of("UTC"))) {
            ChannelEngine first = source.engine();
            assertThat(source.current().isGlobalAdmin("U0ONE")).isTrue();
            assertThat(first.issues().settings()).isSameAs(source.current());
            assertThat(source.reloadIfChanged()).as("unchanged").isFalse();

            Files.writeString(f, "globalAdmins: [U0TWO]\nissueProcessingIntervalSeconds: 7\n");
            assertThat(source.reloadIfChanged()).isTrue();
            assertThat(source.current().isGlobalAdmin("U0ONE")).isFalse();
            assertThat(source.current().isGlobalAdmin("U0TWO")).isTrue();
            assertThat(source.current().issueProcessingIntervalSeconds()).isEqualTo(7);
            assertThat(source.engine()).isNotSameAs(first);
            assertThat(source.engine().issues().settings()).isSameAs(source.current());

            Files.writeString(f, "globalAdmins: notAList: [\n");
            assertThat(source.reloadIfChanged()).as("invalid YAML").isFalse();
            assertThat(source.current().isGlobalAdmin("U0TWO")).as("previous settings stay").isTrue();
            Files.delete(f);
            assertThat(source.reloadIfChanged()).as("deleted").isFalse();
            assertThat(source.current().isGlobalAdmin("U0TWO")).isTrue();
        }
    }

    @Test
    void thePollerPicksUpAChange() throws Exception {
        Path f = Files.createTempFile("manager-settings", ".yaml");
        Files.writeString(f, "appFriendlyName: Before\n");
        try (ManagerSettingsSource source = ManagerSettingsSource.load(f.toString(), Duration.ofMillis(50),
                ZoneId.of("UTC"))) {
            source.start();
            Files.writeString(f, "appFriendlyName: After\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!source.current().appFriendlyName().equals("After") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(source.current().appFriendlyName()).isEqualTo("After");
        }
    }

    @Test
    void withoutAFileTheDefaultsStayAndAnInvalidFileFailsTheStart() throws Exception {
        ManagerSettingsSource none = ManagerSettingsSource.load("", Duration.ofSeconds(1), ZoneId.of("UTC"));
        assertThat(none.current().appFriendlyName()).isEqualTo("Slack Manager");
        assertThat(none.reloadIfChanged()).isFalse();
        Path f = Files.createTempFile("manager-settings", ".yaml");
        Files.writeString(f, "issueProcessingIntervalSeconds: [1, 2]\n");
        assertThatThrownBy(() -> ManagerSettingsSource.load(f.toString(), Duration.ofSeconds(1), ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("issueProcessingIntervalSeconds");
    }
}
