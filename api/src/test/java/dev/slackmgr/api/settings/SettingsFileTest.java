package dev.slackmgr.api.settings;

import dev.slackmgr.api.routing.RoutingRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsFileTest {
    static final String R1 = "routingRules: [{name: prod-alerts, equals: [production], channel: C111222333}]\n";
    static final String R2 = "routingRules: [{name: fallback, matchAll: true, channel: C444555666}]\n";

    @TempDir
    Path dir;

    Path write(String content) throws Exception {
        Path file = dir.resolve("api-settings.yaml");
        Files.writeString(file, content);
        return file;
    }

    static String channel(SettingsFile file, String routeKey) {
        return file.current().routingRules().match(routeKey, "").map(RoutingRule::channel).orElse(null);
    }

    @Test
    void noPathGivesDefaultsWithoutRules() throws Exception {
        try (SettingsFile file = SettingsFile.load(null, Duration.ofSeconds(1))) {
            assertThat(file.current()).isEqualTo(ApiSettings.defaults());
            assertThat(file.current().routingRules().view()).isNull();
            assertThat(file.reloadIfChanged()).isFalse();
            file.start();
        }
        assertThat(SettingsFile.none().current()).isEqualTo(ApiSettings.defaults());
    }

    @Test
    void invalidFileFailsStartWithTheKey() throws Exception {
        Path file = write("maxUsersInAlertChannel: 0\n");
        assertThatThrownBy(() -> SettingsFile.load(file, Duration.ofSeconds(1)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("invalid settings file " + file
                        + ": maxUsersInAlertChannel: max users in alert channel must be between 1 and 10000");
    }

    @Test
    void missingFileFailsStart() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> SettingsFile.load(missing, Duration.ofSeconds(1)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("cannot read settings file " + missing);
    }

    @Test
    void pollIntervalMustBePositive() {
        assertThatThrownBy(() -> SettingsFile.load(null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reloadsChangedContentAndNotifiesListeners() throws Exception { // J05 hot reload
        Path path = write("");
        try (SettingsFile file = SettingsFile.load(path, Duration.ofSeconds(1))) {
            List<ApiSettings> seen = new CopyOnWriteArrayList<>();
            file.addListener(seen::add);
            assertThat(channel(file, "production")).isNull();
            assertThat(file.reloadIfChanged()).isFalse();

            Files.writeString(path, R1);
            assertThat(file.reloadIfChanged()).isTrue();
            assertThat(channel(file, "production")).isEqualTo("C111222333");
            assertThat(seen).containsExactly(file.current());

            assertThat(file.reloadIfChanged()).isFalse();
            assertThat(seen).hasSize(1);

            Files.writeString(path, "");
            assertThat(file.reloadIfChanged()).isTrue();
            assertThat(channel(file, "production")).isNull();
        }
    }

    @Test
    void invalidNewVersionKeepsOldSettings() throws Exception { // J05
        Path path = write(R1);
        try (SettingsFile file = SettingsFile.load(path, Duration.ofSeconds(1))) {
            ApiSettings before = file.current();
            Files.writeString(path, "routingRules: [{name: r, equals: [k], channel: invalid}]\n");
            assertThat(file.reloadIfChanged()).isFalse();
            assertThat(file.current()).isSameAs(before);
            assertThat(file.reloadIfChanged()).isFalse();

            Files.writeString(path, R2);
            assertThat(file.reloadIfChanged()).isTrue();
            assertThat(channel(file, "anything")).isEqualTo("C444555666");
        }
    }

    @Test
    void deletedFileKeepsOldSettings() throws Exception {
        Path path = write(R1);
        try (SettingsFile file = SettingsFile.load(path, Duration.ofSeconds(1))) {
            ApiSettings before = file.current();
            Files.delete(path);
            assertThat(file.reloadIfChanged()).isFalse();
            assertThat(file.current()).isSameAs(before);

            Files.writeString(path, R2);
            assertThat(file.reloadIfChanged()).isTrue();
            assertThat(channel(file, "x")).isEqualTo("C444555666");
        }
    }

    @Test
    void failingListenerDoesNotStopReload() throws Exception {
        Path path = write("");
        try (SettingsFile file = SettingsFile.load(path, Duration.ofSeconds(1))) {
            List<ApiSettings> seen = new CopyOnWriteArrayList<>();
            file.addListener(s -> {
                throw new IllegalStateException("boom");
            });
            file.addListener(seen::add);
            Files.writeString(path, R1);
            assertThat(file.reloadIfChanged()).isTrue();
            assertThat(seen).hasSize(1);
        }
    }

    @Test
    void backgroundPollingPicksUpChanges() throws Exception {
        Path path = write("");
        try (SettingsFile file = SettingsFile.load(path, Duration.ofMillis(20))) {
            file.start();
            file.start();
            Files.writeString(path, R1);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (channel(file, "production") == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(channel(file, "production")).isEqualTo("C111222333");
        }
    }
}
